import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database, Db } from './db/client.js';
import type { Env } from './env.js';
import type { Mailer } from './features/mail/mailer.js';

/** What every feature's routes are given: nothing global, so tests build as many apps as they like. */
export interface AppDeps {
  env: Env;
  database: Database;
  db: Db;
  mailer: Mailer;
  now: () => Date;
}

export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
