import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCase } from '../../../../test/cases.js';
import { createOrgWithAdmin } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { caseSearchQuerySchema } from '../../../shared/cases/case-schema.js';
import type { Viewer } from './policy.js';
import { sampleBucketOf, sampleBuckets } from './search-markers.js';
import { bucketsFor, countFacets, estimateMatch, scaled, searchCaseRows } from './search-repo.js';
import { parseQuery, toTsQuery } from './search-text.js';

/**
 * Broad matches counted over a sample: the markers the index holds, the arithmetic of sample
 * sizes, and a search over one bucket scaled to all of them, with newest-first staying exact.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** A title that falls in the first sample bucket (or any other one) on the given day. */
function titleIn(firstBucket: boolean, stem: string, day: string): string {
  for (let i = 0; ; i++) {
    const title = `${stem}${i}`;
    if ((sampleBucketOf(title, day) === 0) === firstBucket) return title;
  }
}

describe('search markers', () => {
  it('are written for a new case exactly as the migration writes them for a stored one', async () => {
    const a = await createOrgWithAdmin(t, { name: '標本市' });
    const id = await publishCase(t, a.org.id, a.cookie, {
      title: '窓口の番号札を電子化',
      problem: '待ち時間が分からなかった。',
      action: '呼出表示を入れた。',
      result: '待合の混雑が減った。',
      happenedOn: '2025-03-31',
      sceneId: 'workplace-improvement',
      policyField: 'counter',
      method: 'ict',
    });
    const result = await t.database.db.execute(sql`select
        array(select lexeme from unnest(search_vector) where lexeme like '~%' order by 1) as stored,
        array(select unnest(array_remove(array[
          '~y' || fiscal_year::text, '~f' || policy_field, '~c' || scene_id, '~m' || method
        ], null) || array(
          select '~b' || j from generate_series(0, 7) as j
          where get_byte(decode(md5(title || E'\\n' || happened_on::text), 'hex'), 0) < (1 << j)
        )) order by 1) as migrated
      from kaizen_cases where id = ${id}`);
    const row = rowsOf<{ stored: string[]; migrated: string[] }>(result)[0];
    expect(row?.stored).toEqual(row?.migrated);
    expect(row?.stored).toEqual(expect.arrayContaining(['~y2024', '~fcounter', '~cworkplace-improvement', '~mict']));
  });

  it('are never matched by what a person types', async () => {
    expect(toTsQuery(parseQuery('~y2024 ~fcounter'))).toBe("'y2024' & 'fcounter'");
  });
});

describe('sample sizes', () => {
  it('counts small matches exactly and takes fewer buckets the broader the match', () => {
    expect(bucketsFor(0)).toBeNull();
    expect(bucketsFor(2500)).toBeNull();
    // Powers of two, so that a sample is one lexeme of the index, holding about 2,000 cases.
    expect(bucketsFor(4000)).toBe(128);
    expect(bucketsFor(100_000)).toBe(4);
    expect(bucketsFor(1_000_000)).toBe(1);
    // An estimate is rounded to two significant digits.
    expect(scaled(66, 1)).toBe(17_000);
    expect(scaled(3, 1)).toBe(770);
    expect(scaled(1, 8)).toBe(32);
    expect(scaled(1234, null)).toBe(1234);
    // A sample as large as the match is the match.
    expect(bucketsFor(5000, { exactLimit: 10, sampleSize: 5000 })).toBeNull();
  });
});

describe('a search over a sample', () => {
  it('scales the total and the facet counts of one bucket, ranks that bucket, and keeps newest first exact', async () => {
    const a = await createOrgWithAdmin(t, { name: '推計市' });
    const day = (n: number) => `2025-0${n}-10`;
    const inFirst = [1, 2, 3].map((n) => ({ title: titleIn(true, '押印廃止の推計', day(n)), happenedOn: day(n) }));
    const elsewhere = [4, 5].map((n) => ({ title: titleIn(false, '押印廃止の推計', day(n)), happenedOn: day(n) }));
    for (const c of [...inFirst, ...elsewhere]) {
      await publishCase(t, a.org.id, a.cookie, {
        ...c,
        problem: '押印が多かった。',
        action: '押印をやめた。',
        result: '来庁が減った。',
        policyField: 'counter',
      });
    }
    const viewer: Viewer = { orgId: a.org.id, userId: null, canReview: false, canPublish: false };
    const db = t.database.db;
    const tsQuery = toTsQuery(parseQuery('押印 推計'));
    const query = caseSearchQuerySchema.parse({ q: '押印 推計', from: 'own' });

    const estimate = await estimateMatch(db, viewer, query, tsQuery);
    expect(estimate).toEqual({ base: 3 * sampleBuckets, final: 3 * sampleBuckets });

    const sampled = await searchCaseRows(db, viewer, query, tsQuery, 1);
    expect(sampled).toMatchObject({ total: 770, sampled: 3 });
    expect(sampled.rows.map((r) => r.title).sort()).toEqual(inFirst.map((c) => c.title).sort());
    const facets = await countFacets(db, viewer, query, tsQuery, 1);
    expect(facets.policyField).toEqual([{ value: 'counter', count: 770 }]);
    expect(facets).toMatchObject({ total: 770, sampled: 3 });

    const newest = await searchCaseRows(db, viewer, { ...query, sort: 'date' }, tsQuery, 1);
    expect(newest.rows.map((r) => r.happened_on)).toEqual([5, 4, 3, 2, 1].map(day));
    expect(newest.total).toBe(770);

    const exact = await searchCaseRows(db, viewer, query, tsQuery);
    expect(exact.total).toBe(5);
  });

  it('says through the API which figures are estimates, and none for a small match', async () => {
    const a = await createOrgWithAdmin(t, { name: '正確町' });
    await publishCase(t, a.org.id, a.cookie, {
      title: '窓口の待ち時間を見える化',
      problem: '待ち時間が分からなかった。',
      action: '表示板を置いた。',
      result: '苦情が減った。',
    });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${a.org.id}/cases?q=${encodeURIComponent('窓口')}&from=own`,
      headers: { cookie: a.cookie },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ total: 1, estimate: null });
  });
});

describe('effects marked internal', () => {
  it('are not counted, filtered on or ordered by for other organisations, and are for the own one', async () => {
    const a = await createOrgWithAdmin(t, { name: '内部効果市' });
    const b = await createOrgWithAdmin(t, { name: '他所町' });
    const body = {
      problem: '紙の申請が多かった。',
      action: '電子申請にした。',
      result: '処理が速くなった。',
      sharing: 'network',
    };
    await publishCase(t, a.org.id, a.cookie, {
      ...body,
      title: '内部効果の電子申請',
      internalFields: ['effects'],
      effects: [{ kind: 'yen_per_year', actual: 9_000_000 }],
    });
    await publishCase(t, a.org.id, a.cookie, {
      ...body,
      title: '公開効果の電子申請',
      effects: [{ kind: 'yen_per_year', actual: 1000 }],
    });
    // Both titles end in 効果の電子申請.
    const both = async (orgId: string, cookie: string, params: string) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/orgs/${orgId}/cases?q=${encodeURIComponent('効果の電子申請')}&${params}`,
        headers: { cookie },
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const other = await both(b.org.id, b.cookie, 'sort=yen');
    expect(other.hits.map((h: { title: string }) => h.title)).toEqual(['公開効果の電子申請', '内部効果の電子申請']);
    expect(other.hits[1].yenPerYear).toBeNull();
    expect(other.facets.effectKind).toEqual([{ value: 'yen_per_year', count: 1 }]);
    const filtered = await both(b.org.id, b.cookie, 'effectKind=yen_per_year');
    expect(filtered.hits.map((h: { title: string }) => h.title)).toEqual(['公開効果の電子申請']);

    const own = await both(a.org.id, a.cookie, 'sort=yen');
    expect(own.hits.map((h: { title: string }) => h.title)).toEqual(['内部効果の電子申請', '公開効果の電子申請']);
    expect(own.facets.effectKind).toEqual([{ value: 'yen_per_year', count: 2 }]);
  });
});
