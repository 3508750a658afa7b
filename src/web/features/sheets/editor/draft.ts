import {
  maxLevelsPerItem,
  minLevelsPerItem,
  type SheetEdition,
  type SheetTemplate,
  type SheetVariant,
  sheetTemplateFormatVersion,
} from '../../../../shared/sheets/template-schema.js';

/**
 * A template while someone edits it: every text is a string (empty while unwritten), and every
 * section, item and level carries a `uid` that only lives in the browser, so React keeps each one's
 * inputs (and focus) as they move. Keys stay as they were: answers refer to item keys across versions.
 */
export interface DraftLevel {
  uid: string;
  label: string;
  descriptor: string;
}

export interface DraftItem {
  uid: string;
  key: string;
  /** The key this item had in the version being edited; undefined for an item added now. */
  originalKey: string | undefined;
  title: string;
  question: string;
  guidance: string;
  levels: DraftLevel[];
}

export interface DraftSection {
  uid: string;
  key: string;
  originalKey: string | undefined;
  title: string;
  description: string;
  items: DraftItem[];
}

export interface Draft {
  key: string;
  titleJa: string;
  titleEn: string;
  description: string;
  edition: SheetEdition;
  variant: SheetVariant;
  sections: DraftSection[];
}

let uidCounter = 0;
const newUid = () => `u${++uidCounter}`;

const emptyLevel = (): DraftLevel => ({ uid: newUid(), label: '', descriptor: '' });

export function draftFromContent(content: SheetTemplate): Draft {
  return {
    key: content.key,
    titleJa: content.title.ja,
    titleEn: content.title.en ?? '',
    description: content.description ?? '',
    edition: content.edition,
    variant: content.variant,
    sections: content.sections.map((section) => ({
      uid: newUid(),
      key: section.key,
      originalKey: section.key,
      title: section.title,
      description: section.description ?? '',
      items: section.items.map((item) => ({
        uid: newUid(),
        key: item.key,
        originalKey: item.key,
        title: item.title,
        question: item.question ?? '',
        guidance: item.guidance ?? '',
        levels: item.levels.map((level) => ({ uid: newUid(), ...level })),
      })),
    })),
  };
}

/** An optional text is left out when blank, as it would be in a file. */
const optional = <K extends string>(name: K, value: string) =>
  (value.trim() ? { [name]: value } : {}) as Partial<Record<K, string>>;

/** The content to validate and save; the shared schema trims and checks it. */
export function contentFromDraft(draft: Draft): unknown {
  return {
    formatVersion: sheetTemplateFormatVersion,
    key: draft.key,
    title: { ja: draft.titleJa, ...optional('en', draft.titleEn) },
    edition: draft.edition,
    variant: draft.variant,
    ...optional('description', draft.description),
    sections: draft.sections.map((section) => ({
      key: section.key,
      title: section.title,
      ...optional('description', section.description),
      items: section.items.map((item) => ({
        key: item.key,
        title: item.title,
        ...optional('question', item.question),
        ...optional('guidance', item.guidance),
        levels: item.levels.map((level) => ({ label: level.label, descriptor: level.descriptor })),
      })),
    })),
  };
}

/**
 * The first `{prefix}-{n}` not taken, counting on from how many there are (the 11th item is
 * `item-11`). `reserved` holds keys of earlier versions too: a new item must not inherit the
 * answers given to a removed one.
 */
export function nextKey(prefix: string, count: number, reserved: ReadonlySet<string>): string {
  let n = count + 1;
  while (reserved.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** Every section and item key in the draft, with the keys `earlier` versions used. */
export function takenKeys(draft: Draft, earlier: Iterable<string> = []): Set<string> {
  const keys = new Set(earlier);
  for (const section of draft.sections) {
    keys.add(section.key);
    for (const item of section.items) keys.add(item.key);
  }
  return keys;
}

export function newItem(key: string): DraftItem {
  return {
    uid: newUid(),
    key,
    originalKey: undefined,
    title: '',
    question: '',
    guidance: '',
    levels: Array.from({ length: minLevelsPerItem }, emptyLevel),
  };
}

export function newSection(key: string, firstItemKey: string): DraftSection {
  return { uid: newUid(), key, originalKey: undefined, title: '', description: '', items: [newItem(firstItemKey)] };
}

export const countItems = (draft: Draft) => draft.sections.reduce((n, s) => n + s.items.length, 0);

function swap<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

export function moveSection(draft: Draft, s: number, direction: -1 | 1): Draft {
  const to = s + direction;
  if (to < 0 || to >= draft.sections.length) return draft;
  return { ...draft, sections: swap(draft.sections, s, to) };
}

/** Where an item is: its section's index and its index in that section. */
export interface ItemPlace {
  s: number;
  i: number;
}

/**
 * Moves an item one place up or down. At the edge of its section it crosses into the neighbouring
 * section (to its end going up, to its start going down), so any order can be reached step by step.
 */
export function moveItem(draft: Draft, { s, i }: ItemPlace, direction: -1 | 1): { draft: Draft; place: ItemPlace } {
  const section = draft.sections[s];
  const item = section?.items[i];
  if (!section || !item) return { draft, place: { s, i } };
  const to = i + direction;
  if (to >= 0 && to < section.items.length) {
    const sections = draft.sections.map((x, k) => (k === s ? { ...x, items: swap(x.items, i, to) } : x));
    return { draft: { ...draft, sections }, place: { s, i: to } };
  }
  const target = draft.sections[s + direction];
  if (!target) return { draft, place: { s, i } };
  const place = { s: s + direction, i: direction < 0 ? target.items.length : 0 };
  const sections = draft.sections.map((x, k) => {
    if (k === s) return { ...x, items: x.items.filter((_, j) => j !== i) };
    if (k === place.s) {
      const items = [...x.items];
      items.splice(place.i, 0, item);
      return { ...x, items };
    }
    return x;
  });
  return { draft: { ...draft, sections }, place };
}

export function canMoveItem(draft: Draft, { s, i }: ItemPlace, direction: -1 | 1): boolean {
  const section = draft.sections[s];
  if (!section) return false;
  const to = i + direction;
  return (to >= 0 && to < section.items.length) || draft.sections[s + direction] !== undefined;
}

/** Applies `change` to one item; the rest of the draft is shared, not copied. */
export function updateItem(draft: Draft, { s, i }: ItemPlace, change: (item: DraftItem) => DraftItem): Draft {
  return {
    ...draft,
    sections: draft.sections.map((section, k) =>
      k === s ? { ...section, items: section.items.map((item, j) => (j === i ? change(item) : item)) } : section,
    ),
  };
}

export function updateSection(draft: Draft, s: number, change: (section: DraftSection) => DraftSection): Draft {
  return { ...draft, sections: draft.sections.map((section, k) => (k === s ? change(section) : section)) };
}

export const canAddLevel = (item: DraftItem) => item.levels.length < maxLevelsPerItem;
export const canRemoveLevel = (item: DraftItem) => item.levels.length > minLevelsPerItem;

export function addLevel(item: DraftItem): DraftItem {
  return canAddLevel(item) ? { ...item, levels: [...item.levels, emptyLevel()] } : item;
}

export function removeLevel(item: DraftItem, l: number): DraftItem {
  return canRemoveLevel(item) ? { ...item, levels: item.levels.filter((_, k) => k !== l) } : item;
}

export function moveLevel(item: DraftItem, l: number, direction: -1 | 1): DraftItem {
  const to = l + direction;
  if (to < 0 || to >= item.levels.length) return item;
  return { ...item, levels: swap(item.levels, l, to) };
}
