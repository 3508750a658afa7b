import { errorCatalog } from '../../src/shared/errors/codes.js';
import type { FuzzResponse } from './send.js';

/**
 * What the fuzzer holds against an answer: a 5xx, no answer in time, internals in the body (a
 * stack frame, a source path, SQL or a PostgreSQL message), or a client error that is not our
 * problem+json with a catalogued code and both languages.
 */

/** Stack frames and source locations: never in any answer, whatever data it carries. */
const stackMarkers = [/\n\s+at \S/, /\bat [\w$.<>]+ \(/, /\.(?:ts|js|mjs|cjs):\d+/, /node_modules/, /\bError: .*\n/];

/**
 * SQL and the database's own words. Only error answers are searched: a 2xx may rightly hold
 * what the fuzzer stored earlier ("'; DROP TABLE users; --" as a department's name).
 */
const sqlMarkers = [
  /\bselect\b[\s\S]{0,200}\bfrom\b/i,
  /\binsert\s+into\b/i,
  /\bupdate\s+"?\w+"?\s+set\b/i,
  /\bdelete\s+from\b/i,
  /\bviolates\b/i,
  /syntax error/i,
  /invalid input syntax/i,
  /invalid input value/i,
  /invalid byte sequence/i,
  /duplicate key value/i,
  /\brelation "/i,
  /\bcolumn "/i,
  /\bSQLSTATE\b/,
  /out of range for type/i,
  /value too long for type/i,
  /null value in column/i,
  /stack depth limit/i,
  /operator does not exist/i,
  /function .* does not exist/i,
  /numeric field overflow/i,
  /unterminated/i,
  /Failed query/i,
  /\bdrizzle\b/i,
  /\bPGlite\b/i,
  /\bpostgres(?:ql)?\b/i,
];

const textTypes = /json|text|html|xml|javascript|csv/;

export function judge(response: FuzzResponse): string | null {
  if (response.timedOut) return `no answer within ${response.ms} ms`;
  if (response.statusCode >= 500) return `server error ${response.statusCode}`;
  const type = String(response.headers['content-type'] ?? '');
  const isText = type === '' || textTypes.test(type);
  if (isText) {
    const stack = stackMarkers.find((marker) => marker.test(response.body));
    if (stack) return `the body shows internals (${stack})`;
  }
  if (response.statusCode < 400) return null;
  const sql = sqlMarkers.find((marker) => marker.test(response.body));
  if (sql) return `the error body shows SQL or a database message (${sql})`;
  if (!type.startsWith('application/problem+json'))
    return `a ${response.statusCode} that is not problem+json (${type})`;
  let problem: { code?: unknown; status?: unknown; messages?: { ja?: unknown; en?: unknown } };
  try {
    problem = JSON.parse(response.body);
  } catch {
    return 'a problem+json body that is not JSON';
  }
  if (typeof problem.code !== 'string' || !Object.hasOwn(errorCatalog, problem.code))
    return `a problem without a catalogued code (${String(problem.code)})`;
  if (problem.status !== response.statusCode) return `a problem whose status ${problem.status} is not the answer's`;
  if (typeof problem.messages?.ja !== 'string' || typeof problem.messages?.en !== 'string')
    return 'a problem without its message in Japanese and English';
  return null;
}
