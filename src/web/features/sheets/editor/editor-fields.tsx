import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.js';
import { useDataLang } from '../../../components/data-text.js';
import { FieldFrame, fieldDescribedBy, TextAreaField, TextField } from '../../../components/form-field.js';
import { fieldId } from './problems.js';
import { controlId } from './use-template-draft.js';

// Fields of the editor are found by their path in the template: the id says where a problem
// belongs, and the summary at the top links to it.

interface TextProps {
  path: string;
  label: string;
  value: string;
  /** Required fields say so to assistive technology; optional ones say so in their label. */
  required?: boolean;
  optional?: boolean;
  hint?: string;
  problems: ReadonlyMap<string, string>;
  onChange: (value: string) => void;
}

function useFieldLabel(label: string, optional: boolean | undefined) {
  const { t } = useTranslation();
  return optional ? `${label}（${t('editor.optional')}）` : label;
}

export function EditorTextField({ path, label, value, required, optional, hint, problems, onChange }: TextProps) {
  return (
    <TextField
      id={fieldId(path)}
      label={useFieldLabel(label, optional)}
      hint={hint}
      value={value}
      // Sheets are usually written in Japanese; on an English page the text says so to screen readers.
      lang={useDataLang(value)}
      aria-required={required || undefined}
      error={problems.get(path)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

export function EditorTextArea({
  path,
  label,
  value,
  required,
  optional,
  hint,
  problems,
  onChange,
  rows,
}: TextProps & { rows?: number }) {
  return (
    <TextAreaField
      id={fieldId(path)}
      label={useFieldLabel(label, optional)}
      hint={hint}
      value={value}
      lang={useDataLang(value)}
      rows={rows}
      aria-required={required || undefined}
      error={problems.get(path)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/**
 * A section's or item's key, tucked under 詳細設定: few people need it, and changing an existing
 * one cuts the item off from earlier answers, so that gets a warning. Opens by itself on a problem.
 */
export function KeyField({
  path,
  label,
  value,
  originalKey,
  problems,
  onChange,
}: {
  path: string;
  label: string;
  value: string;
  originalKey: string | undefined;
  problems: ReadonlyMap<string, string>;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = fieldId(path);
  const error = problems.get(path);
  const changed = originalKey !== undefined && value !== originalKey;
  const warningId = `${id}-warning`;
  const describedBy = [fieldDescribedBy(id, true, error), changed ? warningId : ''].filter(Boolean).join(' ');

  return (
    <details
      className="editor-advanced"
      open={open || Boolean(error) || changed}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="editor-advanced__summary">{t('editor.advanced')}</summary>
      <FieldFrame id={id} label={label} hint={t('editor.keyHint')} error={error}>
        <input
          id={id}
          className="input editor-advanced__key"
          value={value}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-required
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
        {changed && (
          <p id={warningId} className="editor-warning">
            {t('editor.keyChanged', { original: originalKey })}
          </p>
        )}
      </FieldFrame>
    </details>
  );
}

/** A problem with a list as a whole (too few levels, no items), shown above the list. */
export function GroupError({ path, problems }: { path: string; problems: ReadonlyMap<string, string> }) {
  const error = problems.get(path);
  return error ? <p className="field__error">{error}</p> : null;
}

/** Up, down and remove for one entry of a list, each named with the entry it acts on. */
export function MoveButtons({
  uid,
  upLabel,
  downLabel,
  removeLabel,
  canMoveUp,
  canMoveDown,
  removeBlocked,
  onMove,
  onRemove,
}: {
  uid: string;
  upLabel: string;
  downLabel: string;
  removeLabel: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  removeBlocked?: boolean;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="button-row button-row--tight editor-move">
      <Button
        id={controlId.up(uid)}
        size="sm"
        variant="tertiary"
        disabled={!canMoveUp}
        aria-label={upLabel}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑</span> {t('editor.moveUp')}
      </Button>
      <Button
        id={controlId.down(uid)}
        size="sm"
        variant="tertiary"
        disabled={!canMoveDown}
        aria-label={downLabel}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓</span> {t('editor.moveDown')}
      </Button>
      <Button
        size="sm"
        variant="tertiary"
        className="button--danger-text"
        aria-disabled={removeBlocked || undefined}
        aria-label={removeLabel}
        onClick={onRemove}
      >
        {t('editor.remove')}
      </Button>
    </div>
  );
}
