import type {
  CaseImport,
  CommitImportInput,
  CommitImportResult,
  ImportMapping,
  UnfinishedImports,
  ValidateBatchResult,
} from '../../../shared/case-import/import-schema.js';
import { errorCatalog, type Problem } from '../../../shared/errors/codes.js';
import { ApiError, api, segment } from '../../lib/api.js';
import { currentLanguage } from '../../lib/i18n/language.js';

const base = (orgId: string) => `/api/orgs/${segment(orgId)}/case-imports`;

function problemOf(status: number, data: unknown): Problem {
  if (data && typeof data === 'object' && 'code' in data && 'messages' in data) return data as Problem;
  const code =
    status === 0 ? 'internal' : status === 413 ? 'payload_too_large' : status >= 500 ? 'internal' : 'validation';
  const entry = errorCatalog[code];
  return { type: `/problems/${code}`, title: entry.en, status, code, messages: { ja: entry.ja, en: entry.en } };
}

/** Uploads a case list (multipart): its headers, a guessed mapping and the first rows. */
export async function uploadCaseList(orgId: string, file: File): Promise<CaseImport> {
  const body = new FormData();
  body.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(base(orgId), {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { accept: 'application/json, application/problem+json', 'accept-language': currentLanguage() },
    });
  } catch {
    throw new ApiError(problemOf(0, null));
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(problemOf(response.status, data));
  return data as CaseImport;
}

/** Checks one batch of rows; offset 0 starts the check over. */
export function validateBatch(orgId: string, importId: string, mapping: ImportMapping, offset: number, limit: number) {
  return api.post<ValidateBatchResult>(`${base(orgId)}/${segment(importId)}/validate`, { mapping, offset, limit });
}

/** Adds every checked row as a case, or none. */
export function commitImport(orgId: string, importId: string, input: CommitImportInput) {
  return api.post<CommitImportResult>(`${base(orgId)}/${segment(importId)}/commit`, input);
}

/** Imports of the organisation not yet committed, to continue or discard. */
export const unfinishedImportsQuery = (orgId: string) => ({
  queryKey: ['orgs', orgId, 'case-imports'] as const,
  queryFn: () => api.get<UnfinishedImports>(base(orgId)),
});

/** An unfinished import with the mapping its rows were last checked with. */
export function resumeImport(orgId: string, importId: string) {
  return api.get<CaseImport>(`${base(orgId)}/${segment(importId)}`);
}

/** Drops an unfinished import; nothing of it was added. */
export function discardImport(orgId: string, importId: string) {
  return api.delete<null>(`${base(orgId)}/${segment(importId)}`);
}
