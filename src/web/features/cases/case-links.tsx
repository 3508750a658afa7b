import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useOrgId } from '../../lib/org-context.js';

/** A link to one case, drawn by the search and case pages without knowing whose pages they are. */
export type CaseLinkComponent = (props: { caseId: string; children: ReactNode }) => ReactNode;

/** A case inside the organisation of the address, for members. */
export function MemberCaseLink({ caseId, children }: { caseId: string; children: ReactNode }) {
  const orgId = useOrgId();
  return (
    <Link to="/orgs/$orgId/cases/$caseId" params={{ orgId, caseId }}>
      {children}
    </Link>
  );
}

/** A public case, for readers without login. */
export function PublicCaseLink({ caseId, children }: { caseId: string; children: ReactNode }) {
  return (
    <Link to="/public/cases/$caseId" params={{ caseId }}>
      {children}
    </Link>
  );
}
