import { useTranslation } from 'react-i18next';
import { maxCriteria, maxPresentations } from '../../../shared/workshops/presentation-schema.js';
import { Button } from '../../components/button.js';
import { TextField } from '../../components/form-field.js';
import { ApiError } from '../../lib/api.js';
import { currentLanguage } from '../../lib/i18n/language.js';
import { ProgrammeCasePicker } from './programme-case-picker.js';

/** One row of the programme as edited: `key` is only for React; `id` is set for a saved presentation. */
export interface ProgrammeRow {
  key: string;
  id?: string | undefined;
  title: string;
  presenter: string;
  caseId: string | null;
  /** The linked case's title, when it was picked here (a saved row knows only the id). */
  caseTitle?: string | undefined;
}

let rowCounter = 0;
export function newRow(values: Partial<Omit<ProgrammeRow, 'key'>> = {}): ProgrammeRow {
  rowCounter += 1;
  return { key: `row-${rowCounter}`, title: '', presenter: '', caseId: null, ...values };
}

/** The rows as the API takes them, in order. */
export function programmeInput(rows: ProgrammeRow[]) {
  return rows.map((row) => ({
    ...(row.id ? { id: row.id } : {}),
    title: row.title,
    presenter: row.presenter,
    caseId: row.caseId,
  }));
}

/**
 * The server's field errors by their whole path without `body.` (presentations.1.title, criteria.0),
 * in the person's language, so rows and list items each get their own message.
 */
export function pathErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  const language = currentLanguage();
  const result: Record<string, string> = {};
  for (const problem of error.problem.errors) {
    const path = problem.path.replace(/^body\./, '');
    if (!result[path]) result[path] = problem.messages?.[language] ?? problem.message;
  }
  return result;
}

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const copy = list.slice();
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

/** The presentations of a programme: a title and presenter per row, added, removed and reordered. */
export function ProgrammeRows({
  orgId,
  rows,
  onChange,
  errors,
  disabled = false,
}: {
  orgId: string;
  rows: ProgrammeRow[];
  onChange: (rows: ProgrammeRow[]) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<ProgrammeRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="field fieldset event-programme" disabled={disabled}>
      <legend className="field__label">{t('presentations.create.programme')}</legend>
      <p className="field__hint">{t('presentations.create.programmeHint')}</p>
      {errors.presentations && <p className="field__error">{errors.presentations}</p>}
      <ol className="event-rows">
        {rows.map((row, index) => {
          const name = t('presentations.create.row', { number: index + 1 });
          const suffix = t('presentations.create.rowAction', { row: name });
          const rowError = errors[`presentations.${index}`];
          return (
            <li key={row.key} className="event-row">
              <fieldset className="event-row__fields">
                <legend className="event-row__legend">{name}</legend>
                {rowError && <p className="field__error">{rowError}</p>}
                <TextField
                  label={t('presentations.create.presentationTitle')}
                  required
                  maxLength={100}
                  value={row.title}
                  onChange={(event) => update(index, { title: event.target.value })}
                  error={errors[`presentations.${index}.title`]}
                />
                <TextField
                  label={t('presentations.create.presenter')}
                  hint={t('presentations.create.presenterHint')}
                  required
                  maxLength={100}
                  value={row.presenter}
                  onChange={(event) => update(index, { presenter: event.target.value })}
                  error={errors[`presentations.${index}.presenter`]}
                />
                <ProgrammeCasePicker
                  orgId={orgId}
                  caseId={row.caseId}
                  caseTitle={row.caseTitle}
                  rowName={name}
                  error={errors[`presentations.${index}.caseId`]}
                  onChoose={(hit) =>
                    update(index, {
                      caseId: hit.id,
                      caseTitle: hit.title,
                      title: row.title || hit.title,
                      presenter: row.presenter || (hit.departmentName ?? ''),
                    })
                  }
                  onClear={() => update(index, { caseId: null, caseTitle: undefined })}
                />
              </fieldset>
              <div className="event-row__tools">
                <Button
                  size="sm"
                  variant="tertiary"
                  disabled={index === 0}
                  onClick={() => onChange(move(rows, index, index - 1))}
                >
                  {t('presentations.create.moveUp')}
                  <span className="visually-hidden">{suffix}</span>
                </Button>
                <Button
                  size="sm"
                  variant="tertiary"
                  disabled={index === rows.length - 1}
                  onClick={() => onChange(move(rows, index, index + 1))}
                >
                  {t('presentations.create.moveDown')}
                  <span className="visually-hidden">{suffix}</span>
                </Button>
                <Button
                  size="sm"
                  variant="tertiary"
                  disabled={rows.length <= 1}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                >
                  {t('presentations.create.remove')}
                  <span className="visually-hidden">{suffix}</span>
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <p className="button-row">
        <Button size="sm" disabled={rows.length >= maxPresentations} onClick={() => onChange([...rows, newRow()])}>
          {t('presentations.create.addPresentation')}
        </Button>
      </p>
    </fieldset>
  );
}

/** The judging criteria: one text per criterion, 1 to 6 of them. */
export function CriteriaRows({
  criteria,
  onChange,
  errors,
}: {
  criteria: string[];
  onChange: (criteria: string[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field fieldset event-criteria">
      <legend className="field__label">{t('presentations.create.criteria')}</legend>
      <p className="field__hint">{t('presentations.create.criteriaHint')}</p>
      {errors.criteria && <p className="field__error">{errors.criteria}</p>}
      <ol className="event-criteria__list">
        {criteria.map((criterion, index) => {
          const name = t('presentations.create.criterion', { number: index + 1 });
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: criteria are plain texts edited in place; the position is their identity
            <li key={index} className="event-criteria__row">
              <TextField
                label={name}
                required
                maxLength={30}
                value={criterion}
                onChange={(event) => onChange(criteria.map((c, i) => (i === index ? event.target.value : c)))}
                error={errors[`criteria.${index}`]}
                fieldClassName="event-criteria__field"
              />
              <Button
                size="sm"
                variant="tertiary"
                disabled={criteria.length <= 1}
                onClick={() => onChange(criteria.filter((_, i) => i !== index))}
              >
                {t('presentations.create.remove')}
                <span className="visually-hidden">{t('presentations.create.rowAction', { row: name })}</span>
              </Button>
            </li>
          );
        })}
      </ol>
      <p className="button-row">
        <Button size="sm" disabled={criteria.length >= maxCriteria} onClick={() => onChange([...criteria, ''])}>
          {t('presentations.create.addCriterion')}
        </Button>
      </p>
    </fieldset>
  );
}
