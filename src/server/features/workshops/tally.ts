import type { WorkshopTally } from '../../../shared/workshops/workshop-schema.js';

/** One counted answer group: how many people in a group chose a level of an item. */
export interface AnswerCount {
  itemKey: string;
  groupId: string | null;
  level: number;
  n: number;
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

/**
 * The groups of one item whose spread may be shown. A group is shown from k answers. Groups left
 * out must together hold none or at least k answers: otherwise the overall spread minus the shown
 * groups would give theirs away, so the smallest shown group is withheld too until that holds.
 */
export function shownGroups(sizes: Map<string, number>, k: number, overallShown: boolean): Set<string> {
  const shown = new Set([...sizes].filter(([, n]) => n >= k).map(([id]) => id));
  if (!overallShown) return shown;
  for (;;) {
    const hidden = sum([...sizes].filter(([id]) => !shown.has(id)).map(([, n]) => n));
    if (hidden === 0 || hidden >= k || shown.size === 0) return shown;
    const smallest = [...shown].sort((a, b) => (sizes.get(a) ?? 0) - (sizes.get(b) ?? 0))[0] as string;
    shown.delete(smallest);
  }
}

/**
 * The live tally of a workshop from its answer counts: per item, everyone and each group, each
 * withheld below k. People without a group count in the overall spread only, as a group of their own.
 */
export function buildTally(input: {
  k: number;
  participants: number;
  items: { key: string; levelCount: number }[];
  groupIds: string[];
  counts: AnswerCount[];
  poll: { itemKey: string; n: number }[];
  computedAt: Date;
  revealed: string[];
  waiting?: number | null;
}): WorkshopTally {
  const { k } = input;
  const items = input.items.map((item) => {
    const rows = input.counts.filter((c) => c.itemKey === item.key && c.level >= 1 && c.level <= item.levelCount);
    const countsOf = (groupId: string | null | undefined) => {
      const counts = Array.from({ length: item.levelCount }, () => 0);
      for (const row of rows)
        if (groupId === undefined || row.groupId === groupId)
          counts[row.level - 1] = (counts[row.level - 1] ?? 0) + row.n;
      return counts;
    };
    const overall = countsOf(undefined);
    const n = sum(overall);
    const overallShown = n >= k;
    const sizes = new Map<string, number>(input.groupIds.map((id) => [id, sum(countsOf(id))]));
    // Those without a group are a group of their own for the subtraction rule, never shown.
    const ungrouped = sum(countsOf(null));
    if (ungrouped > 0) sizes.set('', ungrouped);
    const shown = shownGroups(sizes, k, overallShown);
    shown.delete('');
    // How many answered is shown from k only, like the spread: below it, it says who has not.
    const sizeOf = (groupId: string) => {
      const size = sizes.get(groupId) ?? 0;
      return size >= k ? size : null;
    };
    return {
      itemKey: item.key,
      overall: { n: overallShown ? n : null, counts: overallShown ? overall : null },
      groups: input.groupIds.map((groupId) => ({
        groupId,
        n: sizeOf(groupId),
        counts: shown.has(groupId) ? countsOf(groupId) : null,
      })),
    };
  });
  const votes = sum(input.poll.map((p) => p.n));
  return {
    k,
    computedAt: input.computedAt.toISOString(),
    participants: input.participants,
    revealed: input.revealed,
    waiting: input.waiting ?? null,
    items,
    poll: {
      n: votes >= k ? votes : null,
      counts: votes >= k ? [...input.poll].sort((a, b) => b.n - a.n || a.itemKey.localeCompare(b.itemKey)) : null,
    },
  };
}
