import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetTemplate } from '../../../../shared/sheets/template-schema.js';
import {
  addLevel,
  canAddLevel,
  canRemoveLevel,
  contentFromDraft,
  countItems,
  type Draft,
  draftFromContent,
  type ItemPlace,
  moveItem,
  moveLevel,
  moveSection,
  newItem,
  newSection,
  nextKey,
  removeLevel,
  takenKeys,
  updateItem,
  updateSection,
} from './draft.js';
import { fieldId } from './problems.js';

/** Ids of the controls the editor moves focus to after a change, by the stable uid of what changed. */
export const controlId = {
  sectionHeading: (uid: string) => `${uid}-heading`,
  itemHeading: (uid: string) => `${uid}-heading`,
  itemToggle: (uid: string) => `${uid}-toggle`,
  itemBody: (uid: string) => `${uid}-body`,
  up: (uid: string) => `${uid}-up`,
  down: (uid: string) => `${uid}-down`,
  addSection: 'editor-add-section',
};

const titleOr = (title: string, fallback: string) => title.trim() || fallback;

/**
 * The draft of a template and every change a person can make to it. After a change that moves,
 * adds or removes something, focus goes to where the work continues and a polite status line
 * says what happened, so the editor can be used by keyboard and screen reader alone.
 */
export function useTemplateDraft(content: SheetTemplate, earlierKeys: readonly string[]) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftFromContent(content));
  const initial = useMemo(() => JSON.stringify(contentFromDraft(draftFromContent(content))), [content]);
  const [announcement, setAnnouncement] = useState('');
  // Items shown open, by uid. A sheet of 30 items opens folded; new items and items with problems open.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const expandItem = useCallback(
    (uid: string) => setExpanded((current) => (current.has(uid) ? current : new Set(current).add(uid))),
    [],
  );
  const setItemsExpanded = useCallback((uids: readonly string[], open: boolean) => {
    setExpanded((current) => {
      const next = new Set(current);
      for (const uid of uids) {
        if (open) next.add(uid);
        else next.delete(uid);
      }
      return next;
    });
  }, []);
  // Controls to focus after the next render, the first that exists and is enabled.
  const focusNext = useRef<string[]>([]);

  // A passive effect, so it runs after a closing dialog has handed focus back to its opener.
  useEffect(() => {
    const ids = focusNext.current;
    if (ids.length === 0) return;
    focusNext.current = [];
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element && !(element instanceof HTMLButtonElement && element.disabled)) {
        element.focus();
        return;
      }
    }
  });

  const isDirty = JSON.stringify(contentFromDraft(draft)) !== initial;
  const reserved = () => takenKeys(draft, earlierKeys);
  const itemName = (s: number, i: number) =>
    titleOr(draft.sections[s]?.items[i]?.title ?? '', t('editor.itemHeading', { number: i + 1 }));
  const sectionName = (s: number) =>
    titleOr(draft.sections[s]?.title ?? '', t('editor.sectionHeading', { number: s + 1 }));

  const apply = (next: Draft, focus: string[] = [], message = '') => {
    setDraft(next);
    focusNext.current = focus;
    // The same message twice in a row must still be announced.
    setAnnouncement('');
    if (message) requestAnimationFrame(() => setAnnouncement(message));
  };

  const actions = {
    /** A typed change: no focus to move, nothing to announce. */
    edit: (change: (draft: Draft) => Draft) => setDraft(change),

    isExpanded: (uid: string) => expanded.has(uid),
    /** Opens an item (stable across renders, so an effect may call it). */
    expandItem,
    toggleItem: (uid: string) => setItemsExpanded([uid], !expanded.has(uid)),
    /** Opens or folds the given items, or every item of the sheet without `uids`. */
    setItemsExpanded: (open: boolean, uids?: readonly string[]) =>
      setItemsExpanded(uids ?? draft.sections.flatMap((section) => section.items.map((item) => item.uid)), open),

    addSection: () => {
      const taken = reserved();
      const sectionKey = nextKey('section', draft.sections.length, taken);
      const itemKey = nextKey('item', countItems(draft), taken.add(sectionKey));
      const s = draft.sections.length;
      const section = newSection(sectionKey, itemKey);
      setItemsExpanded(
        section.items.map((item) => item.uid),
        true,
      );
      apply({ ...draft, sections: [...draft.sections, section] }, [fieldId(`sections.${s}.title`)]);
    },
    moveSection: (s: number, direction: -1 | 1) => {
      const uid = draft.sections[s]?.uid ?? '';
      const name = sectionName(s);
      const ids = direction < 0 ? [controlId.up(uid), controlId.down(uid)] : [controlId.down(uid), controlId.up(uid)];
      apply(
        moveSection(draft, s, direction),
        ids,
        t('editor.movedSection', { title: name, position: s + direction + 1 }),
      );
    },
    removeSection: (s: number) => {
      const name = sectionName(s);
      const sections = draft.sections.filter((_, k) => k !== s);
      const neighbour = sections[s] ?? sections[s - 1];
      apply(
        { ...draft, sections },
        [neighbour ? controlId.sectionHeading(neighbour.uid) : '', controlId.addSection],
        t('editor.removedSection', { title: name }),
      );
    },

    addItem: (s: number) => {
      const section = draft.sections[s];
      if (!section) return;
      const key = nextKey('item', countItems(draft), reserved());
      const i = section.items.length;
      const item = newItem(key);
      expandItem(item.uid);
      apply(
        updateSection(draft, s, (x) => ({ ...x, items: [...x.items, item] })),
        [fieldId(`sections.${s}.items.${i}.title`)],
      );
    },
    moveItem: (place: ItemPlace, direction: -1 | 1) => {
      const uid = draft.sections[place.s]?.items[place.i]?.uid ?? '';
      const name = itemName(place.s, place.i);
      const moved = moveItem(draft, place, direction);
      const ids = direction < 0 ? [controlId.up(uid), controlId.down(uid)] : [controlId.down(uid), controlId.up(uid)];
      apply(
        moved.draft,
        ids,
        t('editor.movedItem', { title: name, section: moved.place.s + 1, position: moved.place.i + 1 }),
      );
    },
    removeItem: ({ s, i }: ItemPlace) => {
      const section = draft.sections[s];
      if (!section) return;
      const name = itemName(s, i);
      const items = section.items.filter((_, j) => j !== i);
      const neighbour = items[i] ?? items[i - 1];
      apply(
        updateSection(draft, s, (x) => ({ ...x, items })),
        [neighbour ? controlId.itemHeading(neighbour.uid) : controlId.sectionHeading(section.uid)],
        t('editor.removedItem', { title: name }),
      );
    },

    addLevel: (place: ItemPlace) => {
      const item = draft.sections[place.s]?.items[place.i];
      if (!item || !canAddLevel(item)) return;
      const l = item.levels.length;
      apply(updateItem(draft, place, addLevel), [fieldId(`sections.${place.s}.items.${place.i}.levels.${l}.label`)]);
    },
    moveLevel: (place: ItemPlace, l: number, direction: -1 | 1) => {
      const uid = draft.sections[place.s]?.items[place.i]?.levels[l]?.uid ?? '';
      const ids = direction < 0 ? [controlId.up(uid), controlId.down(uid)] : [controlId.down(uid), controlId.up(uid)];
      apply(
        updateItem(draft, place, (item) => moveLevel(item, l, direction)),
        ids,
        t('editor.movedLevel', { position: l + direction + 1 }),
      );
    },
    removeLevel: (place: ItemPlace, l: number) => {
      const item = draft.sections[place.s]?.items[place.i];
      if (!item || !canRemoveLevel(item)) return;
      const base = `sections.${place.s}.items.${place.i}.levels`;
      apply(
        updateItem(draft, place, (x) => removeLevel(x, l)),
        [fieldId(`${base}.${Math.min(l, item.levels.length - 2)}.label`)],
        t('editor.removedLevel'),
      );
    },
  };

  return { draft, isDirty, actions, announcement };
}

export type DraftActions = ReturnType<typeof useTemplateDraft>['actions'];
