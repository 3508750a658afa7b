import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AttachmentRole, attachmentLimits, attachmentRoles } from '../../../shared/cases/case-schema.js';
import { Button } from '../../components/button.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { useToast } from '../../components/toast.js';
import { ApiError } from '../../lib/api.js';
import { useErrorText, useLanguage } from '../../lib/problems.js';
import { attachmentHref, uploadAttachment } from './attachment-upload.js';
import { AttachmentList, AttachmentsSection } from './case-attachment-list.js';
import { type CaseAttachment, caseApi, useRefreshCases } from './case-queries.js';

interface CaseAttachmentsProps {
  orgId: string;
  caseId: string;
  /** null when the case's organisation keeps its attachments inside. */
  attachments: CaseAttachment[] | null;
  canEdit: boolean;
  /** The reader's own organisation's copy: a missing list then means none were added. */
  own: boolean;
}

/**
 * 写真・資料: before and after photos side by side as in the 5-minute presentation, other photos as a
 * gallery, documents as a list; for those who may change the case, upload and delete.
 */
export function CaseAttachments({ orgId, caseId, attachments, canEdit, own }: CaseAttachmentsProps) {
  const { t } = useTranslation();
  const [deleting, setDeleting] = useState<CaseAttachment | null>(null);
  const describe = useErrorText();
  const notify = useToast();
  const refresh = useRefreshCases(orgId);
  const remove = useMutation({
    mutationFn: (attachment: CaseAttachment) => caseApi.removeAttachment(orgId, caseId, attachment.id),
    onSuccess: async (_, attachment) => {
      setDeleting(null);
      await refresh();
      notify(t('cases.attachments.deleted', { name: attachment.fileName }));
    },
  });

  if (attachments === null) {
    return (
      <AttachmentsSection>
        <p className="case-note">{own ? t('cases.attachments.none') : t('cases.detail.notShared')}</p>
      </AttachmentsSection>
    );
  }
  const deleteButton = (attachment: CaseAttachment) =>
    canEdit && (
      <Button
        size="sm"
        variant="tertiary"
        className="case-print-hide"
        aria-label={t('cases.attachments.deleteNamed', { name: attachment.fileName })}
        onClick={() => setDeleting(attachment)}
      >
        {t('cases.attachments.delete')}
      </Button>
    );

  return (
    <AttachmentsSection>
      <AttachmentList
        attachments={attachments}
        fileHref={(attachment) => attachmentHref(orgId, caseId, attachment.id)}
        after={deleteButton}
      />
      {canEdit && (
        <AttachmentUpload
          orgId={orgId}
          caseId={caseId}
          count={attachments.length}
          hasBefore={attachments.some((a) => a.role === 'before')}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('cases.attachments.deleteTitle', { name: deleting?.fileName ?? '' })}
        body={t('cases.attachments.deleteBody')}
        confirmLabel={t('cases.attachments.delete')}
        busy={remove.isPending}
        error={remove.isError ? describe(remove.error) : null}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
      />
    </AttachmentsSection>
  );
}

/** The server's own words for a refused file (they name the field), else its general message. */
function useUploadErrorText() {
  const describe = useErrorText();
  const language = useLanguage();
  return (error: unknown) => {
    const field = error instanceof ApiError ? error.problem.errors?.[0] : undefined;
    return field?.messages?.[language] ?? describe(error);
  };
}

/** Choose a file and what it shows, then send it with a progress bar. */
function AttachmentUpload({
  orgId,
  caseId,
  count,
  hasBefore,
}: {
  orgId: string;
  caseId: string;
  count: number;
  hasBefore: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const notify = useToast();
  const refresh = useRefreshCases(orgId);
  const describe = useUploadErrorText();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [role, setRole] = useState<AttachmentRole>(hasBefore ? 'after' : 'before');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const full = count >= attachmentLimits.maxPerCase;
  const fileId = `${id}-file`;
  const roleId = `${id}-role`;

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setError(null);
    if (!chosen) return;
    // A document cannot be a photo: the role follows the kind of file chosen, and can still be changed.
    const looksLikeImage = chosen.type.startsWith('image/');
    if (!looksLikeImage && role !== 'document') setRole('document');
    if (looksLikeImage && role === 'document') setRole('photo');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError(t('cases.attachments.chooseFirst'));
      fileRef.current?.focus();
      return;
    }
    if (file.size > attachmentLimits.maxBytes) {
      setError(t('cases.attachments.tooLarge'));
      fileRef.current?.focus();
      return;
    }
    setError(null);
    setProgress(0);
    try {
      const added = await uploadAttachment(orgId, caseId, { file, role }, setProgress);
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      if (role === 'before') setRole('after');
      await refresh();
      notify(t('cases.attachments.added', { name: added.fileName }));
    } catch (failure) {
      setError(describe(failure));
      fileRef.current?.focus();
    } finally {
      setProgress(null);
    }
  };

  const uploading = progress !== null;
  const percent = Math.round((progress ?? 0) * 100);
  return (
    <form
      className="case-upload case-print-hide"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 id={`${id}-title`} className="case-attachments__subtitle">
        {t('cases.attachments.add')}
      </h3>
      {full ? (
        <p className="case-note">{t('cases.attachments.full', { max: attachmentLimits.maxPerCase })}</p>
      ) : (
        <>
          <div className={['field', error ? 'field--error' : ''].filter(Boolean).join(' ')}>
            <label className="field__label" htmlFor={fileId}>
              {t('cases.attachments.file')}
            </label>
            <p className="field__hint" id={`${fileId}-hint`}>
              {t('cases.attachments.fileHint', { left: attachmentLimits.maxPerCase - count })}
            </p>
            <input
              ref={fileRef}
              id={fileId}
              type="file"
              className="case-upload__file"
              accept="image/jpeg,image/png,image/webp,image/gif,.pdf,.xlsx,.docx,.pptx"
              aria-invalid={error ? true : undefined}
              aria-describedby={[`${fileId}-hint`, error ? `${fileId}-error` : ''].filter(Boolean).join(' ')}
              disabled={uploading}
              onChange={(event) => choose(event.target.files?.[0] ?? null)}
            />
            {error && (
              <p className="field__error" id={`${fileId}-error`} role="alert">
                {error}
              </p>
            )}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={roleId}>
              {t('cases.attachments.role')}
            </label>
            <select
              id={roleId}
              className="select"
              value={role}
              disabled={uploading}
              onChange={(event) => setRole(event.target.value as AttachmentRole)}
            >
              {attachmentRoles.map((r) => (
                <option key={r} value={r}>
                  {t(`cases.attachments.roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="button-row">
            <Button type="submit" variant="primary" busy={uploading} busyLabel={t('cases.attachments.uploading')}>
              {t('cases.attachments.upload')}
            </Button>
          </div>
          {uploading && (
            <div className="case-upload__progress">
              <progress id={`${id}-progress`} max={100} value={percent} aria-labelledby={`${id}-progress-label`} />
              <span id={`${id}-progress-label`}>{t('cases.attachments.progress', { percent })}</span>
            </div>
          )}
        </>
      )}
    </form>
  );
}
