import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ErrorCode, errorCatalog, type Problem } from '../../shared/errors/codes.js';
import { fieldErrorCatalog, isFieldErrorCode } from '../../shared/errors/field-errors.js';
import { AppError } from '../lib/app-error.js';

/** Picks the language of error messages from the Accept-Language header; Japanese by default. */
export function pickLocale(request: FastifyRequest): 'ja' | 'en' {
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}

export function buildProblem(
  code: ErrorCode,
  locale: 'ja' | 'en',
  extra: { detail?: string | undefined; errors?: Problem['errors']; instance?: string } = {},
): Problem {
  const entry = errorCatalog[code];
  const problem: Problem = {
    type: `/problems/${code.replaceAll('_', '-')}`,
    title: entry[locale],
    status: entry.status,
    code,
    messages: { ja: entry.ja, en: entry.en },
  };
  if (extra.detail) problem.detail = extra.detail;
  if (extra.errors?.length) problem.errors = extra.errors;
  return problem;
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  extra: { detail?: string | undefined; errors?: Problem['errors'] } = {},
) {
  const problem = buildProblem(code, pickLocale(request), extra);
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

const zodLocales = { ja: z.locales.ja(), en: z.locales.en() };
type FieldProblem = NonNullable<Problem['errors']>[number];

/**
 * The checks people meet most (length of a text, a choice from a list, a missing field, an e-mail
 * address), worded as a form would say them; anything else uses Zod's own locale.
 */
function describeCommonIssue(issue: Record<string, unknown>): { ja: string; en: string } | null {
  const limit = typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint' ? Number(issue.maximum) : null;
  const floor = typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint' ? Number(issue.minimum) : null;
  if (issue.code === 'too_big' && issue.origin === 'string' && limit !== null) {
    return { ja: `${limit}文字以内で入力してください。`, en: `Use at most ${limit} characters.` };
  }
  if (issue.code === 'too_small' && issue.origin === 'string' && floor !== null) {
    return floor <= 1
      ? { ja: '入力してください。', en: 'This is required.' }
      : { ja: `${floor}文字以上で入力してください。`, en: `Use at least ${floor} characters.` };
  }
  if (issue.code === 'invalid_format' && issue.format === 'email') {
    return { ja: 'メールアドレスの形式が正しくありません。', en: 'This is not a valid e-mail address.' };
  }
  if (issue.code === 'invalid_value') {
    return { ja: '選択肢の中から選んでください。', en: 'Choose one of the options.' };
  }
  // Zod does not hand over the input; its default message says when nothing was sent.
  if (issue.code === 'invalid_type' && String(issue.message).endsWith('received undefined')) {
    return { ja: '入力してください。', en: 'This is required.' };
  }
  return null;
}

/** One field error in both languages: our own keys from the catalogue, Zod's checks through its locales. */
function describeField(
  path: string,
  code: string,
  issue: Record<string, unknown> | null,
  locale: 'ja' | 'en',
): FieldProblem {
  let messages: { ja: string; en: string };
  if (isFieldErrorCode(code)) {
    messages = fieldErrorCatalog[code];
  } else if (issue && describeCommonIssue(issue)) {
    messages = describeCommonIssue(issue) as { ja: string; en: string };
  } else {
    const word = (l: 'ja' | 'en') => {
      const result = issue ? zodLocales[l].localeError?.(issue as never) : undefined;
      return (typeof result === 'string' ? result : result?.message) ?? fieldErrorCatalog.required[l];
    };
    messages = { ja: word('ja'), en: word('en') };
  }
  return { path, code, message: messages[locale], messages };
}

/** Unique indexes whose violation has a more precise name than a generic conflict. */
const uniqueConstraints: Record<string, ErrorCode> = {
  users_email_key: 'email_taken',
  organizations_lg_code_key: 'lg_code_taken',
  memberships_org_user_key: 'already_member',
};

/**
 * Services check first, but two requests can pass the same check at once; the database's
 * constraints then refuse one of them. That is a conflict for the caller, not a server fault.
 * Drizzle wraps the driver's error, so look at the cause too.
 */
function mapDatabaseError(error: unknown): ErrorCode | null {
  for (
    let current = error as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, depth = 0;
    current && depth < 3;
    depth++
  ) {
    if (current.code === '23505') return uniqueConstraints[String(current.constraint)] ?? 'conflict';
    if (current.code === '23503' || current.code === '40001' || current.code === '40P01') return 'conflict';
    current = current.cause as typeof current;
  }
  return null;
}

/** Fastify's own error codes that are the caller's fault, and what we call them. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_VALIDATION: 'validation',
  FST_ERR_BAD_URL: 'not_found',
  FST_ERR_MAX_PARAM_LENGTH: 'not_found',
  FST_ERR_ASYNC_CONSTRAINT: 'validation',
  ERR_INVALID_ENCODING: 'invalid_encoding',
};

/**
 * Errors Fastify meets before any route is found: a path that is not valid percent-encoded UTF-8
 * (/api/orgs/%E7%B7), a parameter longer than maxParamLength. Without this they bypass the error
 * handler and answer Fastify's own JSON, with the URL echoed back. Such a path names nothing: 404.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.log.info({ err: error }, 'request refused before routing');
  sendProblem(reply, request, fastifyCodes[error.code] ?? 'validation');
}

/**
 * Turns every error into RFC 9457 problem+json. Only our own AppError and the client errors
 * Fastify names reach the caller as such; anything else is logged and becomes a plain 500
 * without internals.
 */
export function registerErrorHandling(
  app: FastifyInstance,
  options: { pageFallback?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined } = {},
) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = pickLocale(request);
    if (error instanceof AppError) {
      const errors = [
        ...(error.errors ?? []).map((e) => describeField(e.path, e.code, null, locale)),
        ...(error.wordedErrors ?? []).map((e) => ({ ...e, message: e.messages[locale] })),
      ];
      return sendProblem(reply, request, error.code, { detail: error.detail, errors });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => {
        const segments = v.instancePath ? v.instancePath.split('/').filter(Boolean) : [];
        const path = [error.validationContext, ...segments].filter(Boolean).join('.');
        const params = (v.params ?? {}) as Record<string, unknown>;
        // A schema names one of our catalogue keys as an issue's message: a refinement
        // (lgCode.check_digit), or a built-in check worded for its field (round.threshold_range).
        const code = v.message && isFieldErrorCode(v.message) ? v.message : v.keyword;
        return describeField(path, code, { ...params, code: v.keyword, path: segments, message: v.message }, locale);
      });
      return sendProblem(reply, request, 'validation', { errors });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(reply, request, 'internal');
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return sendProblem(reply, request, mapped);
    const constraint = mapDatabaseError(error);
    if (constraint) {
      request.log.info({ err: error }, 'constraint refused a concurrent write');
      return sendProblem(reply, request, constraint);
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, request, 'rate_limited');
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      return sendProblem(reply, request, error.statusCode === 404 ? 'not_found' : 'validation');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, 'internal');
  });

  // One not-found handler for the whole app: the web UI's client-side routes first, then problem+json.
  app.setNotFoundHandler(
    (request, reply) => options.pageFallback?.(request, reply) ?? sendProblem(reply, request, 'not_found'),
  );
}
