import { type ErrorCode, errorCatalog, type Problem } from '../../shared/errors/codes.js';
import { currentLanguage } from './i18n/language.js';

/** A failed API call, carrying the server's problem details (or one we made up when there were none). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): ErrorCode {
    return this.problem.code;
  }
}

function problemFor(code: ErrorCode, status?: number): Problem {
  const entry = errorCatalog[code];
  return {
    type: `/problems/${code}`,
    title: entry.en,
    status: status ?? entry.status,
    code,
    messages: { ja: entry.ja, en: entry.en },
  };
}

function isProblem(value: unknown): value is Problem {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<Problem>;
  return typeof v.code === 'string' && typeof v.status === 'number' && typeof v.messages === 'object';
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'validation';
  return 'internal';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': currentLanguage(),
  };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  // The server refuses writes without a JSON body, so every write carries one.
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), init);
  } catch {
    throw new ApiError({ ...problemFor('internal'), status: 0 });
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    throw new ApiError(isProblem(data) ? data : problemFor(codeForStatus(response.status), response.status));
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path, {}),
};

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** Path-safe segment for ids and tokens that come from the URL. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
