import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { useOrgId } from '../../lib/org-context.js';
import { useSceneGrid } from '../scene-grid/scene-grid-queries.js';
import { CaseActions, ReaderActions } from './case-actions.js';
import { CaseAttachments } from './case-attachments.js';
import { useCaseWords } from './case-labels.js';
import { MemberCaseLink } from './case-links.js';
import { caseQueryOptions } from './case-queries.js';
import { CaseView } from './case-view.js';
import { SimilarCases } from './similar-cases.js';
import './cases.css';

/** One case for a member: the case, what they may do with it, and cases like it. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const { caseId } = useParams({ from: '/authed/orgs/$orgId/cases/$caseId' });
  const detail = useQuery(caseQueryOptions(orgId, caseId));
  const grid = useSceneGrid(orgId);
  const words = useCaseWords(grid.data);
  const own = detail.data?.org.id === orgId;
  return (
    <>
      <p className="back-link case-print-hide">
        <Link to="/orgs/$orgId/cases" params={{ orgId }}>
          {t('cases.back')}
        </Link>
      </p>
      {detail.isPending && <Loading />}
      {detail.isError && <QueryError error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && (
        <CaseView
          detail={detail.data}
          words={words}
          ownOrgId={orgId}
          CaseLink={MemberCaseLink}
          actions={
            own ? (
              <CaseActions orgId={orgId} detail={detail.data} />
            ) : (
              <ReaderActions orgId={orgId} caseId={detail.data.id} />
            )
          }
          attachments={
            <CaseAttachments
              orgId={orgId}
              caseId={detail.data.id}
              attachments={detail.data.attachments}
              canEdit={own && detail.data.can.edit}
              own={own}
            />
          }
          after={<SimilarCases orgId={orgId} caseId={detail.data.id} />}
        />
      )}
    </>
  );
}
