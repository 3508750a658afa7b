import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { SelectField, TextAreaField, TextField } from '../../components/form-field.js';
import { fiscalYearOf, formatFiscalYear } from '../../lib/format.js';
import { fieldErrorsFrom, useErrorText, useLanguage } from '../../lib/problems.js';
import { type CaseDetail, caseApi } from './case-queries.js';

type WrittenAction = 'return' | 'approve' | 'comment';

const titles = {
  return: 'cases.actions.returnTitle',
  approve: 'cases.actions.approveTitle',
  comment: 'cases.actions.commentTitle',
} as const;
const buttons = {
  return: 'cases.actions.return',
  approve: 'cases.actions.approve',
  comment: 'cases.actions.comment',
} as const;

/** 差し戻し (a comment is required), 承認 (with 所属長の意見) or a comment: a dialog with what to say. */
export function ReviewDialog({
  orgId,
  caseId,
  action,
  onClose,
  onDone,
}: {
  orgId: string;
  caseId: string;
  action: WrittenAction | null;
  onClose: () => void;
  onDone: (detail: CaseDetail, action: WrittenAction) => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const [comment, setComment] = useState('');
  const [opinion, setOpinion] = useState('');
  const [error, setError] = useState<string | undefined>();
  const review = useMutation({
    mutationFn: (current: WrittenAction) =>
      caseApi.review(orgId, caseId, {
        action: current,
        comment: comment.trim() || null,
        ...(current === 'approve' ? { managerOpinion: opinion.trim() || null } : {}),
      }),
    onSuccess: (detail, current) => {
      setComment('');
      setOpinion('');
      onDone(detail, current);
    },
    onError: (failure) => setError(fieldErrorsFrom(failure, t).comment),
  });
  const close = () => {
    setError(undefined);
    review.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    if (action !== 'approve' && !comment.trim()) {
      setError(t('fieldErrors.required'));
      return;
    }
    setError(undefined);
    review.mutate(action);
  };
  const formId = 'case-review-form';
  return (
    <Dialog
      open={action !== null}
      title={action ? t(titles[action]) : ''}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={formId} variant="primary" busy={review.isPending}>
            {action ? t(buttons[action]) : ''}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate>
        {action === 'return' && <p>{t('cases.actions.returnLead')}</p>}
        {action === 'approve' && <p>{t('cases.actions.approveLead')}</p>}
        {action === 'approve' && (
          <TextAreaField
            label={t('cases.actions.opinionLabel')}
            hint={t('cases.actions.opinionHint')}
            rows={3}
            maxLength={2000}
            value={opinion}
            onChange={(event) => setOpinion(event.target.value)}
          />
        )}
        <TextAreaField
          label={t('cases.actions.commentLabel')}
          required={action !== 'approve'}
          rows={4}
          maxLength={2000}
          value={comment}
          onChange={(event) => {
            setComment(event.target.value);
            setError(undefined);
          }}
          error={error}
        />
        {review.isError && !error && <Alert tone="error">{describe(review.error)}</Alert>}
      </form>
    </Dialog>
  );
}

/** 表彰を記録: a fiscal year (this one and the years before it) and the award's name. */
export function AwardDialog({
  orgId,
  caseId,
  open,
  onClose,
  onDone,
}: {
  orgId: string;
  caseId: string;
  open: boolean;
  onClose: () => void;
  onDone: (detail: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const describe = useErrorText();
  const current = fiscalYearOf(new Date());
  const [year, setYear] = useState(current);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const award = useMutation({
    mutationFn: () => caseApi.award(orgId, caseId, { fiscalYear: year, name: name.trim() }),
    onSuccess: (detail) => {
      setName('');
      onDone(detail);
    },
    onError: (failure) => setErrors(fieldErrorsFrom(failure, t)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: t('fieldErrors.required') });
      return;
    }
    setErrors({});
    award.mutate();
  };
  const formId = 'case-award-form';
  return (
    <Dialog
      open={open}
      title={t('cases.actions.awardTitle')}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={formId} variant="primary" busy={award.isPending}>
            {t('cases.actions.award')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <SelectField
          label={t('cases.actions.awardYear')}
          value={year}
          onChange={(event) => setYear(Number(event.target.value))}
          error={errors.fiscalYear}
        >
          {Array.from({ length: 6 }, (_, i) => current - i).map((y) => (
            <option key={y} value={y}>
              {formatFiscalYear(y, language)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('cases.actions.awardName')}
          hint={t('cases.actions.awardNameHint')}
          required
          maxLength={60}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
        />
        {award.isError && Object.keys(errors).length === 0 && <Alert tone="error">{describe(award.error)}</Alert>}
      </form>
    </Dialog>
  );
}
