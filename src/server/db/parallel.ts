import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';

type Results<T extends readonly (() => Promise<unknown>)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Runs independent reads at once on a pool, one after another inside a transaction: a
 * transaction is one connection, which answers one query at a time (node-postgres queues them
 * with a deprecation warning today and will refuse them), so there is nothing to gain there.
 */
export async function readAll<const T extends readonly (() => Promise<unknown>)[]>(
  db: Db,
  reads: T,
): Promise<Results<T>> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results<T>;
}
