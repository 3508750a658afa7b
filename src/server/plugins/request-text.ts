import type { FastifyInstance } from 'fastify';
import { AppError, type FieldProblem } from '../lib/app-error.js';

/**
 * In Unicode mode a surrogate pair is one code point, so this matches only a half without its
 * pair (a "lone surrogate"): no UTF-8 can carry it, and PostgreSQL refuses it in json or stores
 * U+FFFD in its place.
 */
const loneSurrogate = /\p{Cs}/u;
/** Field problems reported for one request at most; a hostile body can hold thousands. */
const MAX_PROBLEMS = 20;

function problemOf(text: string): FieldProblem['code'] | null {
  // PostgreSQL text cannot hold U+0000 at all.
  if (text.includes('\u0000')) return 'text.control_characters';
  if (loneSurrogate.test(text)) return 'text.unpaired_surrogate';
  return null;
}

/**
 * Every string in a parsed request part (query, params, JSON body, form fields) that no
 * database column can store as sent, with its path (body.steps.2.title). Object keys count too:
 * a record's keys become stored data. Walks with its own stack, so deep nesting cannot overflow.
 */
export function findUnstorableText(value: unknown, root: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      const code = problemOf(current);
      if (code) problems.push({ path, code });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], `${path}.${i}`]);
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown];
        const code = problemOf(key);
        // The key itself is not echoed: the object holding it is named instead.
        if (code) problems.push({ path, code });
        else stack.push([child, `${path}.${key}`]);
      }
    }
  }
  return problems;
}

/** Throws the 400 with a field error for each unstorable string, if any. */
export function refuseUnstorableText(value: unknown, root: string): void {
  const problems = findUnstorableText(value, root);
  if (problems.length > 0) throw new AppError('validation', undefined, problems);
}

/**
 * One check for every route, before its schema: a query string or path parameter with U+0000 or
 * a lone surrogate is refused with a field error (querystring.tag, params.token), so no route can
 * forget it and hand the database a string it cannot take. JSON bodies are checked by their parser.
 */
export function registerRequestTextCheck(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const problems = [
      ...findUnstorableText(request.params, 'params'),
      ...findUnstorableText(request.query, 'querystring'),
    ];
    if (problems.length > 0) throw new AppError('validation', undefined, problems);
  });
}
