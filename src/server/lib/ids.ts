import { randomUUID } from 'node:crypto';

/** Ids are made here rather than by the database, so PostgreSQL 15 and PGlite behave the same. */
export function newId(): string {
  return randomUUID();
}
