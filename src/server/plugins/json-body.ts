import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';

class BodyError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
  ) {
    super(code);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function rejectNul(_key: string, value: unknown) {
  // PostgreSQL text cannot hold U+0000; refusing it here keeps it from becoming a database error.
  if (typeof value === 'string' && value.includes('\u0000')) throw new BodyError('FST_ERR_VALIDATION', 400);
  return value;
}

/**
 * JSON bodies are decoded strictly: invalid UTF-8 is a 400, not silently replaced characters;
 * __proto__ and constructor.prototype keys are refused (prototype poisoning).
 */
export function registerJsonBody(app: FastifyInstance) {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    const buffer = body as Buffer;
    if (buffer.length === 0) return done(null, undefined);
    let text: string;
    try {
      text = decoder.decode(buffer);
    } catch {
      return done(new BodyError('ERR_INVALID_ENCODING', 400), undefined);
    }
    try {
      done(null, secureJson.parse(text, rejectNul, { protoAction: 'error', constructorAction: 'error' }));
    } catch (error) {
      if (error instanceof BodyError) return done(error, undefined);
      done(new BodyError('FST_ERR_CTP_INVALID_JSON_BODY', 400), undefined);
    }
  });
}
