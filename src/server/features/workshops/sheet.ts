import type { SheetTemplate } from '../../../shared/sheets/template-schema.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import * as repo from './repo.js';

/** An item of the sheet as a workshop shows it. */
export interface WorkshopItem {
  key: string;
  title: string;
  question: string | null;
  sectionTitle: string;
  levels: { label: string; descriptor: string }[];
}

/** The round a workshop runs: its title, threshold and the items of its sheet. */
export interface RoundSheet {
  id: string;
  title: string;
  anonymityThreshold: number;
  /** An anonymous round's workshop shows no one's progress and moves its tally k people at a time. */
  anonymous: boolean;
  items: WorkshopItem[];
}

const itemsOf = (content: SheetTemplate): WorkshopItem[] =>
  content.sections.flatMap((section) =>
    section.items.map((item) => ({
      key: item.key,
      title: item.title,
      question: item.question ?? null,
      sectionTitle: section.title,
      levels: item.levels.map((l) => ({ label: l.label, descriptor: l.descriptor })),
    })),
  );

/**
 * The items of template versions read so far on this server. A version never changes once saved,
 * so this holds nothing another server could disagree with; it spares every answer, vote and
 * tally of a seminar from reading the whole sheet again.
 */
const versionItems = new Map<string, WorkshopItem[]>();
const MAX_VERSIONS = 200;
/** The template version each round runs, as read on this server: a round keeps its version for good. */
const roundVersions = new Map<string, string>();

/**
 * The round of a workshop, with its sheet's items; null when the round is not the organisation's
 * (or the workshop, a presentation event, runs none).
 */
export async function roundSheetOf(db: Db, orgId: string, roundId: string | null): Promise<RoundSheet | null> {
  if (!roundId) return null;
  const round = await repo.findRound(db, orgId, roundId);
  if (!round) return null;
  if (roundVersions.size >= MAX_VERSIONS) roundVersions.delete(roundVersions.keys().next().value as string);
  roundVersions.set(`${orgId}:${roundId}`, round.templateVersionId);
  let items = versionItems.get(round.templateVersionId);
  if (!items) {
    const content = await repo.findVersionContent(db, round.templateVersionId);
    if (!content) return null;
    items = itemsOf(content);
    if (versionItems.size >= MAX_VERSIONS) versionItems.delete(versionItems.keys().next().value as string);
    versionItems.set(round.templateVersionId, items);
  }
  return {
    id: round.id,
    title: round.title,
    anonymityThreshold: round.anonymityThreshold,
    anonymous: round.anonymous,
    items,
  };
}

/**
 * The items of a workshop's round, for checking an answer: after the first read, from memory
 * (a round never changes its version, and a version never changes).
 */
export async function roundItemsOf(
  db: Db,
  orgId: string,
  roundId: string | null,
): Promise<Pick<RoundSheet, 'items'> | null> {
  if (!roundId) return null;
  const versionId = roundVersions.get(`${orgId}:${roundId}`);
  const items = versionId ? versionItems.get(versionId) : undefined;
  if (items) return { items };
  return roundSheetOf(db, orgId, roundId);
}

/** The item a request names (at body.itemKey), or the field error every workshop route gives for one not on the sheet. */
export function itemOf(round: Pick<RoundSheet, 'items'> | null, itemKey: string): WorkshopItem {
  const item = round?.items.find((i) => i.key === itemKey);
  if (!item) throw new AppError('validation', undefined, [{ path: 'body.itemKey', code: 'workshop.item_unknown' }]);
  return item;
}
