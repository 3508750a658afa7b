import type { WorkshopView } from '../../../shared/workshops/workshop-schema.js';
import type { OrgContext } from '../../lib/context.js';
import { type Table, tabularFile } from '../../lib/tabular.js';
import { getWorkshop } from './service.js';

type Locale = 'ja' | 'en';

const words = {
  ja: {
    results: '結果',
    notes: '対話の記録',
    drafts: 'グループの次の一手',
    poll: '最も重要な項目',
    section: '区分',
    item: '項目',
    scope: '対象',
    all: '全体',
    answered: '回答数',
    level: (n: number) => `段階${n}`,
    withheld: (k: number) => `${k}人未満のため非表示`,
    notesColumn: '対話のメモ',
    nextMove: '合意した次の一手',
    agreedLevel: '合意した段階',
    reason: '理由',
    votes: '票数',
    file: (title: string) => `ワークショップ_${title}`,
  },
  en: {
    results: 'Results',
    notes: 'Dialogue notes',
    drafts: 'Next moves by group',
    poll: 'Most important item',
    section: 'Section',
    item: 'Item',
    scope: 'For',
    all: 'Everyone',
    answered: 'Answers',
    level: (n: number) => `Level ${n}`,
    withheld: (k: number) => `Withheld (fewer than ${k})`,
    notesColumn: 'Notes',
    nextMove: 'Agreed next move',
    agreedLevel: 'Agreed level',
    reason: 'Reason',
    votes: 'Votes',
    file: (title: string) => `workshop_${title}`,
  },
} as const;

/**
 * A group's draft action plan from a workshop: the items where it agreed a next move, in sheet
 * order, with the level it agreed and why. The plans feature turns one into a team plan.
 */
export function planDraftsOf(view: WorkshopView) {
  const scopes = [{ id: 'all', name: null as string | null }, ...view.groups.map((g) => ({ id: g.id, name: g.name }))];
  return scopes
    .map((scope) => ({
      scope: scope.id,
      groupName: scope.name,
      moves: view.items.flatMap((item) => {
        const note = view.notes.find((n) => n.scope === scope.id && n.itemKey === item.key);
        return note?.nextMove
          ? [
              {
                itemKey: item.key,
                itemTitle: item.title,
                agreedLevel: note.agreedLevel,
                agreedReason: note.agreedReason,
                nextMove: note.nextMove,
              },
            ]
          : [];
      }),
    }))
    .filter((draft) => draft.moves.length > 0);
}

/** The workshop's summary as tables: results (withheld below k), notes, each group's next moves, the poll. */
export function summaryTables(view: WorkshopView, locale: Locale): Table[] {
  const w = words[locale];
  const maxLevels = Math.max(3, ...view.items.map((i) => i.levels.length));
  const groupName = (scope: string) =>
    scope === 'all' ? w.all : (view.groups.find((g) => g.id === scope)?.name ?? '');
  const spread = (counts: number[] | null): (string | number | null)[] =>
    counts
      ? Array.from({ length: maxLevels }, (_, i) => counts[i] ?? null)
      : [w.withheld(view.tally.k), ...Array.from({ length: maxLevels - 1 }, () => null)];
  const resultRows = view.items.flatMap((item) => {
    const tally = view.tally.items.find((t) => t.itemKey === item.key);
    if (!tally) return [];
    return [
      [item.sectionTitle, item.title, w.all, tally.overall.n, ...spread(tally.overall.counts)],
      ...tally.groups.map((g) => [item.sectionTitle, item.title, groupName(g.groupId), g.n, ...spread(g.counts)]),
    ];
  });
  const itemTitle = (key: string) => view.items.find((i) => i.key === key)?.title ?? key;
  return [
    {
      name: w.results,
      header: [w.section, w.item, w.scope, w.answered, ...Array.from({ length: maxLevels }, (_, i) => w.level(i + 1))],
      rows: resultRows,
    },
    {
      name: w.notes,
      header: [w.item, w.scope, w.notesColumn, w.nextMove, w.agreedLevel, w.reason],
      rows: view.items.flatMap((item) =>
        view.notes
          .filter((n) => n.itemKey === item.key)
          .map((n) => [item.title, groupName(n.scope), n.notes, n.nextMove, n.agreedLevel, n.agreedReason]),
      ),
    },
    {
      name: w.drafts,
      header: [w.scope, w.item, w.agreedLevel, w.nextMove, w.reason],
      rows: planDraftsOf(view).flatMap((draft) =>
        draft.moves.map((m) => [draft.groupName ?? w.all, m.itemTitle, m.agreedLevel, m.nextMove, m.agreedReason]),
      ),
    },
    {
      name: w.poll,
      header: [w.item, w.votes],
      rows: view.tally.poll.counts
        ? view.tally.poll.counts.map((c) => [itemTitle(c.itemKey), c.n])
        : [[w.withheld(view.tally.k), view.tally.poll.n]],
    },
  ];
}

export async function exportSummary(ctx: OrgContext, workshopId: string, format: 'csv' | 'xlsx', locale: Locale) {
  const view = await getWorkshop(ctx, workshopId);
  const tables = summaryTables(view, locale);
  return tabularFile(tables, format, words[locale].file(view.title));
}
