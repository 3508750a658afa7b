import { type EventResults, maxScore } from '../../../shared/workshops/presentation-schema.js';

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** Ranks by a value, best first; equal values share a rank (1, 2, 2, 4); null values get none. */
function ranks(values: (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((o) => o !== null && o > v).length));
}

/**
 * The results of a presentation event. A presentation's judged score is the mean of the totals
 * of the judges who scored it (so a judge who missed one talk does not sink it), with the mean of
 * each criterion beside it; the audience vote counts one vote per person.
 */
export function buildResults(input: {
  presentations: { id: string; title: string; presenter: string }[];
  criteria: { key: string }[];
  scores: { presentationId: string; scores: Record<string, number> }[];
  votes: Map<string, number>;
  judges: number;
}): EventResults {
  const rows = input.presentations.map((p) => {
    const mine = input.scores.filter((s) => s.presentationId === p.id);
    const criteria = input.criteria.map((c) => {
      const given = mine.map((s) => s.scores[c.key]).filter((n): n is number => typeof n === 'number');
      return {
        key: c.key,
        average: given.length > 0 ? oneDecimal(given.reduce((a, b) => a + b, 0) / given.length) : null,
      };
    });
    const totals = mine.map((s) => input.criteria.reduce((sum, c) => sum + (s.scores[c.key] ?? 0), 0));
    return {
      presentationId: p.id,
      title: p.title,
      presenter: p.presenter,
      scoredBy: mine.length,
      average: totals.length > 0 ? oneDecimal(totals.reduce((a, b) => a + b, 0) / totals.length) : null,
      criteria,
      votes: input.votes.get(p.id) ?? 0,
    };
  });
  const rank = ranks(rows.map((r) => r.average));
  const votes = rows.reduce((sum, r) => sum + r.votes, 0);
  // A presentation nobody voted for is not ranked by votes: "4th with 0 votes" is no place.
  const voteRank = ranks(rows.map((r) => (r.votes > 0 ? r.votes : null)));
  return {
    judges: input.judges,
    votes,
    maxTotal: input.criteria.length * maxScore,
    presentations: rows.map((r, i) => ({ ...r, rank: rank[i] ?? null, voteRank: voteRank[i] ?? null })),
  };
}
