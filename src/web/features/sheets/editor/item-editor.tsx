import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxLevelsPerItem, minLevelsPerItem } from '../../../../shared/sheets/template-schema.js';
import { Button } from '../../../components/button.js';
import { ConfirmDialog } from '../../../components/confirm-dialog.js';
import { useDataLang } from '../../../components/data-text.js';
import { canAddLevel, canRemoveLevel, type DraftItem, type DraftLevel, type ItemPlace } from './draft.js';
import { EditorTextArea, EditorTextField, GroupError, KeyField, MoveButtons } from './editor-fields.js';
import { fieldId } from './problems.js';
import { controlId, type DraftActions } from './use-template-draft.js';

interface ItemEditorProps {
  item: DraftItem;
  place: ItemPlace;
  canMoveUp: boolean;
  canMoveDown: boolean;
  problems: ReadonlyMap<string, string>;
  actions: DraftActions;
}

/** One item: title, question, guidance, its key (advanced) and its 3 to 5 levels. */
export function ItemEditor({ item, place, canMoveUp, canMoveDown, problems, actions }: ItemEditorProps) {
  const { t } = useTranslation();
  const path = `sections.${place.s}.items.${place.i}`;
  const name = item.title.trim() || t('editor.itemHeading', { number: place.i + 1 });
  const change = (update: Partial<DraftItem>) =>
    actions.edit((draft) => ({
      ...draft,
      sections: draft.sections.map((section, k) =>
        k === place.s
          ? { ...section, items: section.items.map((x, j) => (j === place.i ? { ...x, ...update } : x)) }
          : section,
      ),
    }));
  const changeLevel = (l: number, update: Partial<DraftLevel>) =>
    change({ levels: item.levels.map((level, k) => (k === l ? { ...level, ...update } : level)) });
  const headingId = controlId.itemHeading(item.uid);
  const titleLang = useDataLang(item.title);
  const [confirming, setConfirming] = useState(false);
  // Folded by default; an item with a problem opens so the problem can be seen and reached.
  const hasProblems = [...problems.keys()].some((key) => key === path || key.startsWith(`${path}.`));
  const { expandItem } = actions;
  useEffect(() => {
    if (hasProblems) expandItem(item.uid);
  }, [hasProblems, expandItem, item.uid]);
  const open = actions.isExpanded(item.uid);
  const bodyId = controlId.itemBody(item.uid);
  // An item with nothing written in it goes at once; one with words asks first.
  const hasWords =
    [item.title, item.question, item.guidance].some((text) => text.trim()) ||
    item.levels.some((level) => level.label.trim() || level.descriptor.trim());

  return (
    <li className="editor-item">
      <section aria-labelledby={headingId}>
        <div className="editor-item__head">
          <h4 id={headingId} className="editor-item__title" tabIndex={-1}>
            <button
              id={controlId.itemToggle(item.uid)}
              type="button"
              className="editor-item__toggle"
              aria-expanded={open}
              aria-controls={bodyId}
              onClick={() => actions.toggleItem(item.uid)}
            >
              <span className="editor-item__chevron" aria-hidden="true" />
              <span className="editor-item__number">{t('editor.itemHeading', { number: place.i + 1 })}</span>{' '}
              <span lang={titleLang}>{item.title.trim() || t('editor.untitled')}</span>
            </button>
          </h4>
          <MoveButtons
            uid={item.uid}
            upLabel={t('editor.moveItemUp', { title: name })}
            downLabel={t('editor.moveItemDown', { title: name })}
            removeLabel={t('editor.removeItem', { title: name })}
            canMoveUp={canMoveUp}
            canMoveDown={canMoveDown}
            onMove={(direction) => actions.moveItem(place, direction)}
            onRemove={() => (hasWords ? setConfirming(true) : actions.removeItem(place))}
          />
        </div>
        {!open && <p className="editor-item__summary">{t('editor.itemFolded', { count: item.levels.length })}</p>}
        <div id={bodyId} className="editor-item__body" hidden={!open}>
          <EditorTextField
            path={`${path}.title`}
            label={t('editor.itemTitle')}
            value={item.title}
            required
            problems={problems}
            onChange={(title) => change({ title })}
          />
          <EditorTextArea
            path={`${path}.question`}
            label={t('editor.question')}
            optional
            rows={2}
            value={item.question}
            problems={problems}
            onChange={(question) => change({ question })}
          />
          <EditorTextArea
            path={`${path}.guidance`}
            label={t('editor.guidance')}
            optional
            rows={2}
            value={item.guidance}
            problems={problems}
            onChange={(guidance) => change({ guidance })}
          />
          <KeyField
            path={`${path}.key`}
            label={t('editor.itemKey')}
            value={item.key}
            originalKey={item.originalKey}
            problems={problems}
            onChange={(key) => change({ key })}
          />
          <LevelsEditor
            item={item}
            name={name}
            place={place}
            problems={problems}
            actions={actions}
            onLevel={changeLevel}
          />
        </div>
      </section>
      <ConfirmDialog
        open={confirming}
        title={t('editor.removeItemTitle')}
        body={t('editor.removeItemBody', { title: name, count: item.levels.length })}
        confirmLabel={t('editor.removeItemConfirm')}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          actions.removeItem(place);
        }}
      />
    </li>
  );
}

function LevelsEditor({
  item,
  name,
  place,
  problems,
  actions,
  onLevel,
}: {
  item: DraftItem;
  name: string;
  place: ItemPlace;
  problems: ReadonlyMap<string, string>;
  actions: DraftActions;
  onLevel: (l: number, update: Partial<DraftLevel>) => void;
}) {
  const { t } = useTranslation();
  const path = `sections.${place.s}.items.${place.i}.levels`;
  // Why a level cannot be added or removed, said where the person pressed, instead of a button that vanishes.
  const [limit, setLimit] = useState('');
  const hintId = `${item.uid}-levels-hint`;

  const remove = (l: number) => {
    if (!canRemoveLevel(item)) return setLimit(t('editor.tooFewLevels', { min: minLevelsPerItem }));
    setLimit('');
    actions.removeLevel(place, l);
  };
  const add = () => {
    if (!canAddLevel(item)) return setLimit(t('editor.tooManyLevels', { max: maxLevelsPerItem }));
    setLimit('');
    actions.addLevel(place);
  };

  return (
    <fieldset className="editor-levels" id={fieldId(path)} tabIndex={-1} aria-describedby={hintId}>
      <legend className="editor-levels__legend">{t('sheets.levelsOf', { title: name })}</legend>
      <p id={hintId} className="field__hint">
        {t('editor.levelsHint', { min: minLevelsPerItem, max: maxLevelsPerItem })}
      </p>
      <GroupError path={path} problems={problems} />
      <ol className="editor-levels__list">
        {item.levels.map((level, l) => (
          <li key={level.uid} className="editor-level">
            <fieldset className="editor-level__fieldset">
              <legend className="editor-level__legend">{t('editor.levelHeading', { number: l + 1 })}</legend>
              <EditorTextField
                path={`${path}.${l}.label`}
                label={t('editor.levelLabel')}
                value={level.label}
                required
                problems={problems}
                onChange={(label) => onLevel(l, { label })}
              />
              <EditorTextArea
                path={`${path}.${l}.descriptor`}
                label={t('editor.descriptor')}
                value={level.descriptor}
                required
                rows={2}
                problems={problems}
                onChange={(descriptor) => onLevel(l, { descriptor })}
              />
              <MoveButtons
                uid={level.uid}
                upLabel={t('editor.moveLevelUp', { title: name, number: l + 1 })}
                downLabel={t('editor.moveLevelDown', { title: name, number: l + 1 })}
                removeLabel={t('editor.removeLevel', { title: name, number: l + 1 })}
                canMoveUp={l > 0}
                canMoveDown={l < item.levels.length - 1}
                removeBlocked={!canRemoveLevel(item)}
                onMove={(direction) => actions.moveLevel(place, l, direction)}
                onRemove={() => remove(l)}
              />
            </fieldset>
          </li>
        ))}
      </ol>
      <p className="editor-levels__limit" role="status">
        {limit}
      </p>
      <div className="button-row">
        <Button
          size="sm"
          onClick={add}
          aria-disabled={canAddLevel(item) ? undefined : true}
          aria-label={t('editor.addLevelTo', { title: name })}
        >
          <span aria-hidden="true">＋</span> {t('editor.addLevel')}
        </Button>
      </div>
    </fieldset>
  );
}
