import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { TextField } from '../../components/form-field.js';
import { planDraftsQueryOptions } from '../results/results-queries.js';
import { type ContentValues, newStep, planFieldId } from './plan-form-values.js';

const maxSheetItems = 30;

/**
 * The step-up sheet items a plan works on: typed freely, or taken from the next moves the person
 * carried out of results (次の一手の下書き), each of which can also become a step.
 */
export function SheetItemsEditor({
  orgId,
  values,
  onChange,
  error,
  takenIds,
}: {
  orgId: string;
  values: ContentValues;
  onChange: (patch: Partial<ContentValues>) => void;
  error?: string | undefined;
  takenIds: readonly string[];
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const moves = useQuery(planDraftsQueryOptions(orgId));
  const items = values.sheetItems;
  const hasItem = (key: string) => items.some((item) => item.itemKey === key);

  const addTyped = () => {
    const title = typed.trim();
    if (!title || items.length >= maxSheetItems) return;
    let n = items.length + 1;
    while (hasItem(`free-${n}`)) n += 1;
    onChange({ sheetItems: [...items, { itemKey: `free-${n}`, itemTitle: title.slice(0, 200) }] });
    setTyped('');
  };

  return (
    <fieldset className={['field', 'fieldset', error ? 'field--error' : ''].filter(Boolean).join(' ')}>
      <legend className="field__label">{t('plans.fields.sheetItems')}</legend>
      <p className="field__hint">{t('plans.form.sheetItemsHint')}</p>
      {items.length > 0 && (
        <ul className="plan-links" id={planFieldId('sheetItems')}>
          {items.map((item) => (
            <li key={item.itemKey}>
              <DataText>{item.itemTitle}</DataText>
              <Button
                size="sm"
                variant="tertiary"
                onClick={() => onChange({ sheetItems: items.filter((i) => i.itemKey !== item.itemKey) })}
              >
                {t('plans.form.sheetItemRemove', { title: item.itemTitle })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="field__error">{error}</p>}
      <div className="plan-inline-add">
        <TextField
          label={t('plans.form.sheetItemTitle')}
          maxLength={200}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              addTyped();
            }
          }}
        />
        <Button onClick={addTyped} disabled={!typed.trim()}>
          {t('plans.form.sheetItemAdd')}
        </Button>
      </div>
      {moves.data && moves.data.length > 0 && (
        <details className="plan-moves">
          <summary>{t('plans.form.movesTitle', { count: moves.data.length })}</summary>
          <ul>
            {moves.data.map((move) => {
              const stepText = (move.note?.trim() || move.descriptor).slice(0, 300);
              const isStep = values.steps.some((s) => s.text === stepText);
              return (
                <li key={move.id}>
                  <p>
                    <strong>
                      <DataText>{move.itemTitle}</DataText>
                    </strong>
                    {` ${t('plans.form.moveLevel', { level: move.level })} `}
                    <DataText>{stepText}</DataText>
                  </p>
                  <div className="button-row button-row--tight">
                    <Button
                      size="sm"
                      disabled={hasItem(move.itemKey) || items.length >= maxSheetItems}
                      onClick={() =>
                        onChange({ sheetItems: [...items, { itemKey: move.itemKey, itemTitle: move.itemTitle }] })
                      }
                    >
                      {t('plans.form.moveAsLink', { title: move.itemTitle })}
                    </Button>
                    <Button
                      size="sm"
                      disabled={isStep}
                      onClick={() =>
                        onChange({
                          steps: [...values.steps, newStep(values.steps, takenIds, stepText)],
                          sheetItems: hasItem(move.itemKey)
                            ? items
                            : [...items, { itemKey: move.itemKey, itemTitle: move.itemTitle }],
                        })
                      }
                    >
                      {t('plans.form.moveAsStep', { title: move.itemTitle })}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </fieldset>
  );
}
