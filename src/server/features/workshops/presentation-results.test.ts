import { describe, expect, it } from 'vitest';
import { buildResults } from './presentation-results.js';

/** How a presentation event's results are counted: means over the judges who scored, shared ranks. */
describe('the results of a presentation event', () => {
  const presentations = ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id, presenter: `${id}課` }));
  const criteria = [{ key: 'c1' }, { key: 'c2' }];

  it('ranks by the mean of the totals of the judges who scored, equal means sharing a rank', () => {
    const results = buildResults({
      presentations,
      criteria,
      scores: [
        { presentationId: 'a', scores: { c1: 5, c2: 5 } },
        { presentationId: 'a', scores: { c1: 3, c2: 3 } },
        // Scored by one judge only: its mean is that judge's total, not half of it.
        { presentationId: 'b', scores: { c1: 4, c2: 4 } },
        { presentationId: 'c', scores: { c1: 2, c2: 3 } },
        { presentationId: 'c', scores: { c1: 1, c2: 1 } },
      ],
      votes: new Map([
        ['b', 4],
        ['c', 4],
        ['a', 1],
      ]),
      judges: 2,
    });
    expect(results.maxTotal).toBe(10);
    expect(results.votes).toBe(9);
    expect(results.presentations.map((p) => [p.presentationId, p.average, p.rank, p.scoredBy])).toEqual([
      ['a', 8, 1, 2],
      ['b', 8, 1, 1],
      ['c', 3.5, 3, 2],
      ['d', null, null, 0],
    ]);
    expect(results.presentations.map((p) => [p.votes, p.voteRank])).toEqual([
      [1, 3],
      [4, 1],
      [4, 1],
      [0, null],
    ]);
    expect(results.presentations[2]?.criteria).toEqual([
      { key: 'c1', average: 1.5 },
      { key: 'c2', average: 2 },
    ]);
  });

  it('ranks no one by votes before anyone voted', () => {
    const results = buildResults({ presentations, criteria, scores: [], votes: new Map(), judges: 0 });
    expect(results.presentations.every((p) => p.voteRank === null && p.rank === null)).toBe(true);
  });
});
