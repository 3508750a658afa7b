import { type Position, positionNames } from '../../../shared/auth/roles.js';
import type { Locale } from '../../../shared/common/schema.js';
import { AppError } from '../../lib/app-error.js';
import type { OrgContext } from '../../lib/context.js';
import { type Table, tabularFile } from '../../lib/tabular.js';
import { canManage, itemsOf } from './access.js';
import { getMyResponse } from './responses.js';
import { getNamedResponses, getResults } from './results.js';
import { getRound } from './service.js';

const words = {
  ja: {
    section: 'セクション',
    item: '項目',
    responses: '回答数',
    level: (n: number) => `段階${n}`,
    median: '中央値',
    previous: '比較する実施の中央値',
    change: '変化',
    mostImportant: '最重要に選んだ人数',
    nextLevel: '次の一手（段階）',
    nextLabel: '次の一手（段階名）',
    nextDescriptor: '次の一手（状態の説明）',
    withheld: {
      below_threshold: (k: number) => `非表示（匿名性保護のため。回答が${k}件未満）`,
      protects_others: (k: number) =>
        `非表示（匿名性保護のため。ほかの集計との差から少人数の回答が分かるため。k=${k}）`,
      round_open: () => '実施中のため非表示（終了後に表示）',
    },
    myLevel: '自分の段階',
    myLabel: '段階名',
    comment: 'コメント',
    mostImportantMine: '最重要',
    name: '氏名',
    position: '役職',
    department: '部署',
    submittedAt: '提出日時',
  },
  en: {
    section: 'Section',
    item: 'Item',
    responses: 'Responses',
    level: (n: number) => `Level ${n}`,
    median: 'Median',
    previous: 'Median in compared round',
    change: 'Change',
    mostImportant: 'Chosen as most important',
    nextLevel: 'Next move (level)',
    nextLabel: 'Next move',
    nextDescriptor: 'Next move in detail',
    withheld: {
      below_threshold: (k: number) => `Withheld to protect anonymity (k=${k})`,
      protects_others: (k: number) => `Withheld to protect anonymity (k=${k})`,
      round_open: () => 'Withheld while the round is open (shown after it closes)',
    },
    myLevel: 'My level',
    myLabel: 'Level name',
    comment: 'Comment',
    mostImportantMine: 'Most important',
    name: 'Name',
    position: 'Position',
    department: 'Department',
    submittedAt: 'Submitted at',
  },
};

const safeName = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80);

/** The results as a table: one row per item with its distribution, median, change and next move. */
async function groupTable(
  ctx: OrgContext,
  roundId: string,
  filter: { departmentId?: string; position?: Position },
  locale: Locale,
): Promise<Table> {
  const w = words[locale];
  const [round, results] = await Promise.all([getRound(ctx, roundId), getResults(ctx, roundId, filter)]);
  const maxLevels = Math.max(...results.items.map((i) => i.levelCount), 3);
  const sections = new Map(round.content.sections.map((s) => [s.key, s.title]));
  const header = [
    w.section,
    w.item,
    w.responses,
    ...Array.from({ length: maxLevels }, (_, i) => w.level(i + 1)),
    w.median,
    w.previous,
    w.change,
    w.mostImportant,
    w.nextLevel,
    w.nextLabel,
    w.nextDescriptor,
  ];
  // A withheld group has no next moves of its own: the API falls back to the asker's own level, which
  // belongs in the export of my answers, not in columns that read as the group's.
  const groupWithheld = results.group.withheld;
  const withheldText = w.withheld[results.group.withheldReason ?? 'below_threshold'](results.anonymityThreshold);
  const rows = results.items.map((item) => {
    const shown = item.distribution !== null;
    const nextMove = groupWithheld ? null : item.nextMove;
    const levels = Array.from({ length: maxLevels }, (_, i) =>
      shown && i < item.levelCount ? (item.distribution?.[i] ?? 0) : null,
    );
    return [
      sections.get(item.sectionKey) ?? '',
      item.title,
      shown ? results.group.responseCount : withheldText,
      ...levels,
      item.median,
      item.previous?.median ?? null,
      item.median !== null && item.previous ? item.median - item.previous.median : null,
      item.mostImportantCount,
      nextMove?.level ?? null,
      nextMove?.label ?? null,
      nextMove?.descriptor ?? null,
    ];
  });
  return { name: round.title, header, rows };
}

async function myTable(ctx: OrgContext, roundId: string, locale: Locale): Promise<Table> {
  const w = words[locale];
  const [round, mine] = await Promise.all([getRound(ctx, roundId), getMyResponse(ctx, roundId)]);
  const answers = new Map(mine.answers.map((a) => [a.itemKey, a]));
  const rows = round.content.sections.flatMap((section) =>
    section.items.map((item) => {
      const answer = answers.get(item.key);
      const level = answer?.level ?? null;
      return [
        section.title,
        item.title,
        level,
        level ? (item.levels[level - 1]?.label ?? null) : null,
        answer?.comment ?? null,
        mine.mostImportantItemKey === item.key ? '○' : null,
      ];
    }),
  );
  return { name: round.title, header: [w.section, w.item, w.myLevel, w.myLabel, w.comment, w.mostImportantMine], rows };
}

async function responsesTable(ctx: OrgContext, roundId: string, locale: Locale): Promise<Table> {
  const w = words[locale];
  const round = await getRound(ctx, roundId);
  const people = await getNamedResponses(ctx, roundId);
  const items = itemsOf(round.content);
  const header = [w.name, w.position, w.department, w.submittedAt, w.mostImportantMine, ...items.map((i) => i.title)];
  const rows = people.map((p) => {
    const levels = new Map(p.answers.map((a) => [a.itemKey, a.level]));
    const important = items.find((i) => i.key === p.mostImportantItemKey)?.title ?? null;
    return [
      p.displayName,
      positionNames[p.position][locale],
      p.departmentName,
      p.submittedAt,
      important,
      ...items.map((i) => levels.get(i.key) ?? null),
    ];
  });
  return { name: round.title, header, rows };
}

export async function exportRound(
  ctx: OrgContext,
  roundId: string,
  query: { format: 'csv' | 'xlsx'; kind: 'group' | 'mine' | 'responses'; departmentId?: string; position?: Position },
  locale: Locale,
) {
  if (query.kind === 'responses' && !canManage(ctx)) throw new AppError('forbidden');
  const table =
    query.kind === 'group'
      ? await groupTable(ctx, roundId, { departmentId: query.departmentId, position: query.position }, locale)
      : query.kind === 'mine'
        ? await myTable(ctx, roundId, locale)
        : await responsesTable(ctx, roundId, locale);
  const suffix = {
    group: locale === 'ja' ? '結果' : 'results',
    mine: locale === 'ja' ? '自分の回答' : 'my-answers',
    responses: locale === 'ja' ? '個人別回答' : 'responses',
  }[query.kind];
  return tabularFile(table, query.format, `${safeName(table.name)}_${suffix}`);
}
