import type { AttachmentRole, CaseAttachment } from '../../../shared/cases/case-schema.js';
import { type ErrorCode, errorCatalog, type Problem } from '../../../shared/errors/codes.js';
import { ApiError, segment } from '../../lib/api.js';
import { currentLanguage } from '../../lib/i18n/language.js';

/** Where a case's attachment is read: images open inline, documents download. */
export function attachmentHref(orgId: string, caseId: string, attachmentId: string): string {
  return `/api/orgs/${segment(orgId)}/cases/${segment(caseId)}/attachments/${segment(attachmentId)}`;
}

function fallbackProblem(status: number): Problem {
  const code: ErrorCode =
    status === 0
      ? 'internal'
      : status === 413
        ? 'payload_too_large'
        : status === 415
          ? 'unsupported_media_type'
          : status === 404
            ? 'not_found'
            : status >= 500
              ? 'internal'
              : 'validation';
  const entry = errorCatalog[code];
  return { type: `/problems/${code}`, title: entry.en, status, code, messages: { ja: entry.ja, en: entry.en } };
}

function readProblem(text: string, status: number): Problem {
  try {
    const data = JSON.parse(text) as Partial<Problem>;
    if (typeof data.code === 'string' && typeof data.status === 'number' && typeof data.messages === 'object') {
      return data as Problem;
    }
  } catch {
    // Not JSON: a proxy's page or a cut connection.
  }
  return fallbackProblem(status);
}

/**
 * Sends one file to a case as multipart/form-data. It uses XMLHttpRequest rather than fetch because
 * only XMLHttpRequest reports upload progress; `onProgress` receives 0–1. Failures reject with the
 * same ApiError as the api client, so the server's Japanese and English messages reach the person.
 */
export function uploadAttachment(
  orgId: string,
  caseId: string,
  upload: { file: File; role: AttachmentRole },
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<CaseAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/orgs/${segment(orgId)}/cases/${segment(caseId)}/attachments`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('accept-language', currentLanguage());
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        try {
          resolve(JSON.parse(xhr.responseText) as CaseAttachment);
        } catch {
          reject(new ApiError(fallbackProblem(xhr.status)));
        }
        return;
      }
      reject(new ApiError(readProblem(xhr.responseText, xhr.status)));
    });
    // Status 0 is what the api client uses for "could not reach the server".
    xhr.addEventListener('error', () => reject(new ApiError({ ...fallbackProblem(0), status: 0 })));
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was cancelled.', 'AbortError')));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const body = new FormData();
    // The role goes first so the server has it before the file's bytes.
    body.append('role', upload.role);
    body.append('file', upload.file, upload.file.name);
    xhr.send(body);
  });
}
