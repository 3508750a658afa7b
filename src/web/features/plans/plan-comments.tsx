import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { SelectField, TextAreaField } from '../../components/form-field.js';
import { useToast } from '../../components/toast.js';
import { useErrorText } from '../../lib/problems.js';
import type { PlanComment, PlanDetail } from './plan-queries.js';

const maxComment = 2000;

/**
 * Comments from the facilitator and the team, oldest first, each saying which version it is about;
 * those who may comment get a form.
 */
export function PlanComments({
  plan,
  send,
  onSent,
}: {
  plan: PlanDetail;
  send: (body: string, versionNumber: number | null) => Promise<PlanComment>;
  onSent: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const notify = useToast();
  const errorText = useErrorText();
  const latest = plan.versionList.at(-1)?.number ?? null;
  const [body, setBody] = useState('');
  const [version, setVersion] = useState(latest === null ? '' : String(latest));
  const [error, setError] = useState<string | undefined>();

  const post = useMutation({
    mutationFn: () => send(body.trim(), version ? Number(version) : null),
    onSuccess: async () => {
      setBody('');
      await onSent();
      notify(t('plans.comments.sent'));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError(t('fieldErrors.required'));
      return;
    }
    setError(undefined);
    post.mutate();
  };

  return (
    <section className="section" aria-labelledby="plan-comments">
      <h2 id="plan-comments" className="section__title">
        {t('plans.comments.title')}
      </h2>
      {plan.comments.length === 0 ? (
        <p className="field__hint">{t('plans.comments.none')}</p>
      ) : (
        <ol className="plan-comments">
          {plan.comments.map((comment) => (
            <li key={comment.id} className="plan-comment">
              <p className="plan-comment__meta">
                <strong>
                  {comment.author ? <DataText>{comment.author.displayName}</DataText> : t('plans.comments.gone')}
                </strong>
                {t('plans.listSeparator')}
                <DateText value={comment.createdAt} withTime />
                {t('plans.listSeparator')}
                {comment.versionNumber === null
                  ? t('plans.comments.aboutDraft')
                  : t('plans.comments.aboutVersion', { number: comment.versionNumber })}
              </p>
              <p className="plan-view__multiline">
                <DataText>{comment.body}</DataText>
              </p>
            </li>
          ))}
        </ol>
      )}
      {plan.can.comment && (
        <form className="form plan-comment-form" onSubmit={submit} noValidate>
          <TextAreaField
            label={t('plans.comments.body')}
            required
            rows={3}
            maxLength={maxComment}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            error={error}
          />
          {plan.versionList.length > 0 && (
            <SelectField
              label={t('plans.comments.about')}
              value={version}
              onChange={(event) => setVersion(event.target.value)}
            >
              <option value="">{t('plans.comments.aboutDraft')}</option>
              {plan.versionList.map((v) => (
                <option key={v.number} value={String(v.number)}>
                  {t('plans.comments.aboutVersion', { number: v.number })}
                </option>
              ))}
            </SelectField>
          )}
          {post.isError && <Alert tone="error">{errorText(post.error)}</Alert>}
          <div className="button-row">
            <Button type="submit" variant="primary" busy={post.isPending} busyLabel={t('common.saving')}>
              {t('plans.comments.send')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
