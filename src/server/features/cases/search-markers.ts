import { createHash } from 'node:crypto';

/**
 * Markers: lexemes in a case's search vector that are not words of its text. They start with `~`,
 * which the tokeniser never keeps, so no typed query can match one.
 *
 * - A filter marker names a coded value of the case (fiscal year, policy field, scene cell,
 *   method), so a filtered search is narrowed inside the GIN index, before any row
 *   is read, instead of reading every text match and dropping most of them.
 * - Sample markers put every case in one of 256 buckets (from a hash), and name the samples it
 *   belongs to: `~b<j>` for every j (0–7) with bucket < 2^j, so the first 2^j buckets, a uniform
 *   sample of 2^j/256 of all cases, are one lexeme. A search that matches a large part of a
 *   million cases counts its facets over such a sample and scales the counts, so its cost stays
 *   the cost of a few thousand rows, however broad the match. One lexeme rather than an OR of
 *   buckets: GIN intersects two lexemes cheaply, while an OR of many costs as much as the match.
 *
 * Migration 0006 writes the same markers into the vectors of cases stored before them; the two
 * must stay in step (the bucket is the first byte of the md5 of the title, a newline and the ISO date).
 */

export const sampleBuckets = 256;

/** The bucket of a case, from what it says and when: uniform, and the same in SQL (md5). */
export function sampleBucketOf(title: string, happenedOn: string): number {
  return Number.parseInt(createHash('md5').update(`${title}\n${happenedOn}`).digest('hex').slice(0, 2), 16);
}

/** The sample of the first `buckets` buckets (a power of two up to 128) as its one lexeme. */
export const sampleMarker = (buckets: number) => `~b${Math.log2(buckets)}`;

/** The samples a bucket belongs to. */
const sampleMarkersOf = (bucket: number) =>
  Array.from({ length: 8 }, (_, j) => j).flatMap((j) => (bucket < 2 ** j ? [sampleMarker(2 ** j)] : []));

export type FilterMarkerKind = 'fiscalYear' | 'policyField' | 'sceneId' | 'method';

const prefixes: Record<FilterMarkerKind, string> = {
  fiscalYear: '~y',
  policyField: '~f',
  sceneId: '~c',
  method: '~m',
};

export const filterMarker = (kind: FilterMarkerKind, value: string | number) => `${prefixes[kind]}${value}`;

/** The markers of a case. */
export function markersOf(facts: {
  title: string;
  happenedOn: string;
  fiscalYear: number;
  policyField?: string | null;
  sceneId?: string | null;
  method?: string | null;
}): string[] {
  return [
    ...sampleMarkersOf(sampleBucketOf(facts.title, facts.happenedOn)),
    filterMarker('fiscalYear', facts.fiscalYear),
    ...(facts.policyField ? [filterMarker('policyField', facts.policyField)] : []),
    ...(facts.sceneId ? [filterMarker('sceneId', facts.sceneId)] : []),
    ...(facts.method ? [filterMarker('method', facts.method)] : []),
  ];
}

/**
 * The number of buckets to sample so that about `size` (0.7 to 1.4 times) of `estimate` matching
 * cases fall in it; null for all.
 */
export function sampleFor(estimate: number, size: number): number | null {
  const wanted = (sampleBuckets * size) / Math.max(estimate, 1);
  const buckets = 2 ** Math.max(0, Math.round(Math.log2(wanted)));
  return buckets >= sampleBuckets ? null : buckets;
}

/** A tsquery (text, for ::tsquery) of the first `buckets` buckets, a power of two below 256. */
export const sampleQuery = (buckets: number) => `'${sampleMarker(buckets)}'`;
