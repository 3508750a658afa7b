import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { ApiError } from '../../lib/api.js';
import { usePageTitle } from '../../lib/page-title.js';
import { AttachmentList, AttachmentsSection } from './case-attachment-list.js';
import { useCaseWords } from './case-labels.js';
import { PublicCaseLink } from './case-links.js';
import { type CaseDetail, publicAttachmentHref, publicCaseQueryOptions } from './case-queries.js';
import { CaseView } from './case-view.js';
import { defaultSceneGrid } from './public-cases-page.js';
import './cases.css';

/** One public case for anyone: read only, with its photos from the public address; nothing to review or edit. */
export function PublicCasePage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ from: '/public/public/cases/$caseId' });
  const detail = useQuery(publicCaseQueryOptions(caseId));
  const words = useCaseWords(defaultSceneGrid);
  const missing = detail.error instanceof ApiError && detail.error.code === 'not_found';
  // Until the case is here (or when it is not), the tab still says where the reader is.
  usePageTitle(detail.data?.title ?? (missing ? t('cases.public.notFoundTitle') : t('cases.public.title')));
  return (
    <div className="public-cases">
      <p className="back-link case-print-hide">
        <Link to="/public/cases">{t('cases.public.back')}</Link>
      </p>
      {detail.isPending && <Loading />}
      {missing && (
        <div className="message-page">
          <h1>{t('cases.public.notFoundTitle')}</h1>
          <p>{t('cases.public.notFoundBody')}</p>
        </div>
      )}
      {detail.isError && !missing && <QueryError error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && (
        <CaseView
          detail={detail.data}
          words={words}
          ownOrgId={null}
          CaseLink={PublicCaseLink}
          attachments={<PublicAttachments detail={detail.data} />}
        />
      )}
    </div>
  );
}

function PublicAttachments({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <AttachmentsSection>
      {detail.attachments === null ? (
        <p className="case-note">{t('cases.detail.notShared')}</p>
      ) : (
        <AttachmentList
          attachments={detail.attachments}
          fileHref={(attachment) => publicAttachmentHref(detail.id, attachment.id)}
        />
      )}
    </AttachmentsSection>
  );
}
