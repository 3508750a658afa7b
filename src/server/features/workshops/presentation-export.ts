import type { FacilitatorEventView } from '../../../shared/workshops/presentation-schema.js';
import type { OrgContext } from '../../lib/context.js';
import { type Table, tabularFile } from '../../lib/tabular.js';
import { getEvent } from './presentation-service.js';

type Locale = 'ja' | 'en';

const words = {
  ja: {
    results: '結果',
    comments: 'コメント',
    order: '順番',
    title: '発表',
    presenter: '発表者',
    rank: '審査順位',
    average: (max: number) => `審査平均点（${max}点満点）`,
    scoredBy: '採点した審査員',
    votes: '会場投票',
    voteRank: '投票順位',
    author: '投稿者',
    anonymous: '匿名',
    body: 'コメント',
    hidden: '非表示',
    postedAt: '投稿日時',
    yes: '非表示',
    file: (title: string) => `事例発表会_${title}`,
  },
  en: {
    results: 'Results',
    comments: 'Comments',
    order: 'Order',
    title: 'Presentation',
    presenter: 'Presenter',
    rank: 'Judges’ rank',
    average: (max: number) => `Judges’ average (out of ${max})`,
    scoredBy: 'Judges who scored',
    votes: 'Audience votes',
    voteRank: 'Vote rank',
    author: 'Author',
    anonymous: 'Anonymous',
    body: 'Comment',
    hidden: 'Hidden',
    postedAt: 'Posted at',
    yes: 'Hidden',
    file: (title: string) => `presentation_event_${title}`,
  },
} as const;

/** The event's results and comments as tables; a comment's writer only where they gave their name. */
export function eventTables(view: FacilitatorEventView, locale: Locale): Table[] {
  const w = words[locale];
  const results = view.results;
  const titleOf = (id: string) => view.presentations.find((p) => p.id === id)?.title ?? '';
  return [
    {
      name: w.results,
      header: [
        w.order,
        w.title,
        w.presenter,
        w.rank,
        w.average(results?.maxTotal ?? 0),
        ...view.criteria.map((c) => c.label),
        w.scoredBy,
        w.votes,
        w.voteRank,
      ],
      rows: (results?.presentations ?? []).map((r, i) => [
        i + 1,
        r.title,
        r.presenter,
        r.rank,
        r.average,
        ...view.criteria.map((c) => r.criteria.find((x) => x.key === c.key)?.average ?? null),
        r.scoredBy,
        r.votes,
        r.voteRank,
      ]),
    },
    {
      name: w.comments,
      header: [w.title, w.author, w.body, w.hidden, w.postedAt],
      rows: view.comments.map((c) => [
        titleOf(c.presentationId),
        c.author ?? w.anonymous,
        c.body,
        c.hidden ? w.yes : '',
        c.createdAt,
      ]),
    },
  ];
}

export async function exportEvent(ctx: OrgContext, workshopId: string, format: 'csv' | 'xlsx', locale: Locale) {
  const view = await getEvent(ctx, workshopId);
  const tables = eventTables(view, locale);
  return tabularFile(tables, format, words[locale].file(view.title));
}
