import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { AppError } from '../lib/app-error.js';
import { findUnstorableText } from './request-text.js';

class BodyError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
  ) {
    super(code);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies are decoded strictly: invalid UTF-8 is a 400, not silently replaced characters;
 * __proto__ and constructor.prototype keys are refused (prototype poisoning); a string that no
 * database column can store as sent (U+0000, a lone surrogate such as "\ud800") is a field error
 * at its path, for every route, before any schema sees it.
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
    let value: unknown;
    try {
      value = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
    } catch {
      return done(new BodyError('FST_ERR_CTP_INVALID_JSON_BODY', 400), undefined);
    }
    // Strictly decoded UTF-8 holds neither: they can only come from a \u escape.
    const problems = text.includes('\\u') ? findUnstorableText(value, 'body') : [];
    if (problems.length > 0) return done(new AppError('validation', undefined, problems), undefined);
    done(null, value);
  });
}
