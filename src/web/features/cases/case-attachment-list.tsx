import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataText } from '../../components/data-text.js';
import { formatNumber } from '../../lib/format.js';
import type { Language } from '../../lib/i18n/language.js';
import { useLanguage } from '../../lib/problems.js';
import type { CaseAttachment } from './case-queries.js';

const documentLabels: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
};

/** 1.2 MB, 35 KB: sizes as people read them, in the page's language. */
export function formatFileSize(bytes: number, language: Language): string {
  if (bytes < 1024) return `${formatNumber(bytes, language)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024), language)} KB`;
  return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, language)} MB`;
}

/** 写真・資料, the case page's section for a case's files. */
export function AttachmentsSection({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="section case-section case-attachments" aria-labelledby="case-attachments">
      <h2 id="case-attachments" className="section__title">
        {t('cases.attachments.title')}
      </h2>
      {children}
    </section>
  );
}

interface AttachmentListProps {
  attachments: CaseAttachment[];
  /** Where the reader may fetch a file: the organisation's address, or the public one. */
  fileHref: (attachment: CaseAttachment) => string;
  /** Drawn after each file, for those who may remove it. */
  after?: (attachment: CaseAttachment) => ReactNode;
}

/**
 * A case's files as read: before and after photos side by side as in the 5-minute presentation,
 * other photos as a gallery, documents as a list.
 */
export function AttachmentList({ attachments, fileHref, after }: AttachmentListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const before = attachments.filter((a) => a.role === 'before');
  const afterPhotos = attachments.filter((a) => a.role === 'after');
  const photos = attachments.filter((a) => a.role === 'photo');
  const documents = attachments.filter((a) => a.role === 'document');
  const alt = (attachment: CaseAttachment) =>
    t('cases.attachments.alt', { role: t(`cases.attachments.roles.${attachment.role}`), name: attachment.fileName });
  const figure = (attachment: CaseAttachment) => (
    <figure className="case-photo">
      <a href={fileHref(attachment)} target="_blank" rel="noopener">
        <img src={fileHref(attachment)} alt={alt(attachment)} />
      </a>
      <figcaption>
        <DataText>{attachment.fileName}</DataText>
        {after?.(attachment)}
      </figcaption>
    </figure>
  );

  return (
    <>
      {attachments.length === 0 && <p className="case-note">{t('cases.attachments.none')}</p>}
      {(before.length > 0 || afterPhotos.length > 0) && (
        <div className="case-compare">
          {(
            [
              ['before', before],
              ['after', afterPhotos],
            ] as const
          ).map(([side, list]) => (
            <section key={side} className="case-compare__side" aria-labelledby={`case-compare-${side}`}>
              <h3 id={`case-compare-${side}`} className={`case-compare__title case-compare__title--${side}`}>
                {t(`cases.detail.${side}`)}
              </h3>
              {list.length === 0 ? (
                <p className="case-note">{t(`cases.attachments.no_${side}`)}</p>
              ) : (
                list.map((attachment) => <div key={attachment.id}>{figure(attachment)}</div>)
              )}
            </section>
          ))}
        </div>
      )}
      {photos.length > 0 && (
        <>
          <h3 className="case-attachments__subtitle">{t('cases.attachments.photos')}</h3>
          <ul className="case-gallery">
            {photos.map((attachment) => (
              <li key={attachment.id}>{figure(attachment)}</li>
            ))}
          </ul>
        </>
      )}
      {documents.length > 0 && (
        <>
          <h3 className="case-attachments__subtitle">{t('cases.attachments.documents')}</h3>
          <ul className="case-documents">
            {documents.map((attachment) => (
              <li key={attachment.id}>
                <a href={fileHref(attachment)} download={attachment.fileName}>
                  <DataText>{attachment.fileName}</DataText>
                </a>
                <span className="case-documents__meta">
                  {documentLabels[attachment.mediaType] ?? attachment.mediaType}
                  {t('cases.separator')}
                  {formatFileSize(attachment.sizeBytes, language)}
                </span>
                {after?.(attachment)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
