// A logical, portable dump of every application table: gzip'd JSON lines that either database kind
// can write and read. PostgreSQL itself turns rows into JSON (row_to_json) and back
// (json_populate_recordset), so timestamps keep their microseconds, jsonb stays jsonb and large
// numbers never pass through a JavaScript number.
//
// File layout, one JSON value per line:
//   {"$":"header","format":"kaizen-navi-dump","version":1,"createdAt":…,"databaseKind":…,"migrations":[…]}
//   {"$":"table","name":"organizations","columns":[…]}
//   {"id":…,"kind":…}                       one line per row, exactly as row_to_json printed it
//   {"$":"end","name":"organizations","rows":2}
//   … every table, parents before children …
//   {"$":"end-of-dump","tables":10,"rows":57}
import { z } from 'zod';

export const DUMP_FORMAT = 'kaizen-navi-dump';
export const DUMP_VERSION = 1;

/** A problem the operator can fix (wrong file, non-empty database …): printed without a stack trace. */
export class DumpError extends Error {
  override name = 'DumpError';
}

export const headerSchema = z.object({
  $: z.literal('header'),
  format: z.literal(DUMP_FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  databaseKind: z.enum(['pglite', 'postgres']),
  migrations: z.array(z.string()),
});
export type DumpHeader = Omit<z.infer<typeof headerSchema>, '$'>;

export const markerSchema = z.discriminatedUnion('$', [
  headerSchema,
  z.object({ $: z.literal('table'), name: z.string(), columns: z.array(z.string()) }),
  z.object({ $: z.literal('end'), name: z.string(), rows: z.number().int().min(0) }),
  z.object({ $: z.literal('end-of-dump'), tables: z.number().int(), rows: z.number().int() }),
]);
export type Marker = z.infer<typeof markerSchema>;

export const MARKER_PREFIX = '{"$":';
export const markerLine = (marker: Marker) => `${JSON.stringify(marker)}\n`;

export interface TableCount {
  name: string;
  rows: number;
}
