import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InviteToRoundInput } from '../../../shared/sheets/round-schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { TextAreaField } from '../../components/form-field.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { useFieldErrors } from '../../lib/use-field-errors.js';
import { type FieldErrors, isEmail } from '../../lib/validation.js';
import { type InviteResult, type RoundDetail, roundApi, useRefreshRounds } from './round-queries.js';

type Audience = InviteToRoundInput['to'];
const audiences: readonly Audience[] = ['everyone', 'not_submitted', 'emails'];

/** Addresses as people paste them: one a line, or separated by commas, semicolons or spaces. */
function splitEmails(text: string): string[] {
  return [...new Set(text.split(/[\s,;、，]+/).filter(Boolean))];
}

/** Sends the round's link by e-mail, then says how many went out and who was left out and why. */
export function InviteRoundDialog({
  orgId,
  round,
  onClose,
}: {
  orgId: string;
  round: RoundDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const refresh = useRefreshRounds(orgId);
  const { form, errors, showErrors } = useFieldErrors();
  const [to, setTo] = useState<Audience>('not_submitted');
  const [emails, setEmails] = useState('');
  const [message, setMessage] = useState('');
  const [result, setResult] = useState<InviteResult>();

  const send = useMutation({
    mutationFn: () =>
      roundApi.invite(orgId, round.id, {
        to,
        emails: to === 'emails' ? splitEmails(emails) : [],
        ...(message.trim() ? { message: message.trim() } : {}),
      }),
    onSuccess: async (sent) => {
      setResult(sent);
      await refresh();
    },
    onError: (error) => showErrors(fieldErrorsFrom(error, t)),
  });

  // The form and its buttons give way to the result; focus moves to the one button left.
  useEffect(() => {
    if (result) document.getElementById('round-invite-done')?.focus();
  }, [result]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (to === 'emails') {
      const list = splitEmails(emails);
      const wrong = list.filter((email) => !isEmail(email));
      if (list.length === 0) found.emails = t('rounds.invite.emailsRequired');
      else if (wrong.length > 0) found.emails = t('rounds.invite.emailsInvalid', { emails: wrong.join('、') });
    }
    if (!showErrors(found)) return;
    send.mutate();
  };

  return (
    <Dialog
      open
      title={t('rounds.invite.title')}
      onClose={onClose}
      footer={
        result ? (
          <Button id="round-invite-done" variant="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="submit"
              form="round-invite-form"
              variant="primary"
              busy={send.isPending}
              busyLabel={t('rounds.invite.sending')}
            >
              {t('rounds.invite.send')}
            </Button>
          </>
        )
      }
    >
      {result ? (
        <InviteResultView result={result} />
      ) : (
        <form id="round-invite-form" ref={form} onSubmit={submit} noValidate className="form">
          <p>{t('rounds.invite.lead')}</p>
          {send.isError && <Alert tone="error">{describe(send.error)}</Alert>}
          <fieldset className="field fieldset">
            <legend className="field__label">{t('rounds.invite.to')}</legend>
            <div className="choice-list">
              {audiences.map((audience) => (
                <label key={audience} className="choice">
                  <input
                    type="radio"
                    name="to"
                    className="choice__input"
                    value={audience}
                    checked={to === audience}
                    onChange={() => setTo(audience)}
                  />
                  <span className="choice__text">
                    <span className="choice__label">{t(`rounds.invite.audience.${audience}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {to === 'emails' && (
            <TextAreaField
              label={t('rounds.invite.emails')}
              hint={t('rounds.invite.emailsHint')}
              name="emails"
              rows={4}
              required
              value={emails}
              onChange={(event) => setEmails(event.target.value)}
              error={errors.emails}
            />
          )}
          <TextAreaField
            label={t('rounds.invite.message')}
            hint={t('rounds.invite.messageHint')}
            name="message"
            rows={4}
            maxLength={1000}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            error={errors.message}
          />
        </form>
      )}
    </Dialog>
  );
}

function InviteResultView({ result }: { result: InviteResult }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <Alert tone={result.sent > 0 ? 'success' : 'warning'}>{t('rounds.invite.sent', { count: result.sent })}</Alert>
      {result.skipped.length > 0 && (
        <section aria-labelledby="invite-skipped">
          <h3 id="invite-skipped" className="invite-skipped__title">
            {t('rounds.invite.skippedTitle', { count: result.skipped.length })}
          </h3>
          <ul className="invite-skipped">
            {result.skipped.map((skip) => (
              <li key={skip.email}>
                <span className="break-all">{skip.email}</span>: {t(`rounds.invite.reasons.${skip.reason}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
