import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.js';
import { ConfirmDialog } from '../../../components/confirm-dialog.js';
import { useDataLang } from '../../../components/data-text.js';
import { canMoveItem, type Draft, type DraftSection } from './draft.js';
import { EditorTextArea, EditorTextField, GroupError, KeyField, MoveButtons } from './editor-fields.js';
import { ItemEditor } from './item-editor.js';
import { fieldId } from './problems.js';
import { controlId, type DraftActions } from './use-template-draft.js';

interface SectionEditorProps {
  draft: Draft;
  section: DraftSection;
  s: number;
  problems: ReadonlyMap<string, string>;
  actions: DraftActions;
}

/** One section: its title, description and key, and its items in order. */
export function SectionEditor({ draft, section, s, problems, actions }: SectionEditorProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const path = `sections.${s}`;
  const name = section.title.trim() || t('editor.sectionHeading', { number: s + 1 });
  const headingId = controlId.sectionHeading(section.uid);
  const titleLang = useDataLang(section.title);
  const itemUids = section.items.map((item) => item.uid);
  const change = (update: Partial<DraftSection>) =>
    actions.edit((d) => ({ ...d, sections: d.sections.map((x, k) => (k === s ? { ...x, ...update } : x)) }));

  return (
    <li className="editor-section">
      <section aria-labelledby={headingId}>
        <div className="editor-section__head">
          <h3 id={headingId} className="editor-section__title" tabIndex={-1}>
            <span className="editor-section__number">{t('editor.sectionHeading', { number: s + 1 })}</span>{' '}
            <span lang={titleLang}>{section.title.trim() || t('editor.untitled')}</span>
          </h3>
          <MoveButtons
            uid={section.uid}
            upLabel={t('editor.moveSectionUp', { title: name })}
            downLabel={t('editor.moveSectionDown', { title: name })}
            removeLabel={t('editor.removeSection', { title: name })}
            canMoveUp={s > 0}
            canMoveDown={s < draft.sections.length - 1}
            onMove={(direction) => actions.moveSection(s, direction)}
            onRemove={() => setConfirming(true)}
          />
        </div>
        <EditorTextField
          path={`${path}.title`}
          label={t('editor.sectionTitle')}
          value={section.title}
          required
          problems={problems}
          onChange={(title) => change({ title })}
        />
        <EditorTextArea
          path={`${path}.description`}
          label={t('editor.sectionDescription')}
          optional
          rows={2}
          value={section.description}
          problems={problems}
          onChange={(description) => change({ description })}
        />
        <KeyField
          path={`${path}.key`}
          label={t('editor.sectionKey')}
          value={section.key}
          originalKey={undefined}
          problems={problems}
          onChange={(key) => change({ key })}
        />
        <div className="button-row button-row--tight editor-section__fold">
          <Button
            size="sm"
            variant="tertiary"
            aria-label={t('editor.expandAllIn', { title: name })}
            onClick={() => actions.setItemsExpanded(true, itemUids)}
          >
            {t('editor.expandAll')}
          </Button>
          <Button
            size="sm"
            variant="tertiary"
            aria-label={t('editor.collapseAllIn', { title: name })}
            onClick={() => actions.setItemsExpanded(false, itemUids)}
          >
            {t('editor.collapseAll')}
          </Button>
        </div>
        <div id={fieldId(`${path}.items`)} tabIndex={-1} className="editor-section__items">
          <GroupError path={`${path}.items`} problems={problems} />
          <ol className="editor-items">
            {section.items.map((item, i) => (
              <ItemEditor
                key={item.uid}
                item={item}
                place={{ s, i }}
                canMoveUp={canMoveItem(draft, { s, i }, -1)}
                canMoveDown={canMoveItem(draft, { s, i }, 1)}
                problems={problems}
                actions={actions}
              />
            ))}
          </ol>
        </div>
        <div className="button-row">
          <Button size="sm" onClick={() => actions.addItem(s)} aria-label={t('editor.addItemTo', { title: name })}>
            <span aria-hidden="true">＋</span> {t('editor.addItem')}
          </Button>
        </div>
      </section>
      <ConfirmDialog
        open={confirming}
        title={t('editor.removeSectionTitle')}
        body={t('editor.removeSectionBody', { title: name, count: section.items.length })}
        confirmLabel={t('editor.removeSectionConfirm')}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          actions.removeSection(s);
        }}
      />
    </li>
  );
}
