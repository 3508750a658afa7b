import { useTranslation } from 'react-i18next';
import type { SheetItem } from '../../../shared/sheets/template-schema.js';
import { TextAreaField } from '../../components/form-field.js';
import type { ItemAnswer } from './answer-state.js';

/** Ids of an item's parts, so an error summary can link to the first level of an item. */
export function levelInputId(itemKey: string, level: number): string {
  return `answer-${itemKey}-level-${level}`;
}

interface AnswerItemProps {
  item: SheetItem;
  number: number;
  answer: ItemAnswer;
  isMostImportant: boolean;
  error?: string | undefined;
  /** The language the sheet is written in, when it differs from the page's. */
  lang: string | undefined;
  onChange: (answer: ItemAnswer) => void;
  onMostImportant: (chosen: boolean) => void;
}

/**
 * One item to answer: its levels as a native radio group (arrow keys move between them, the whole
 * card is the target), an optional comment, and a toggle for the most important item.
 */
export function AnswerItem({
  item,
  number,
  answer,
  isMostImportant,
  error,
  lang,
  onChange,
  onMostImportant,
}: AnswerItemProps) {
  const { t } = useTranslation();
  const base = `answer-${item.key}`;
  const describedBy = [item.question ? `${base}-question` : '', error ? `${base}-error` : ''].filter(Boolean).join(' ');

  return (
    <div className={`answer-item${error ? ' answer-item--error' : ''}`} id={base}>
      <fieldset className="answer-item__levels" aria-describedby={describedBy || undefined}>
        <legend className="answer-item__legend">
          <h3 className="answer-item__title">
            <span className="answer-item__number">{t('rounds.answer.itemNumber', { number })}</span>{' '}
            <span lang={lang}>{item.title}</span>
            {isMostImportant && (
              <span className="answer-item__star">
                <span aria-hidden="true">★</span> {t('rounds.answer.mostImportantMark')}
              </span>
            )}
          </h3>
        </legend>
        {item.question && (
          <p id={`${base}-question`} className="answer-item__question" lang={lang}>
            {item.question}
          </p>
        )}
        {item.guidance && (
          <details className="answer-item__guidance">
            <summary>{t('rounds.answer.guidance')}</summary>
            <p lang={lang}>{item.guidance}</p>
          </details>
        )}
        {error && (
          <p id={`${base}-error`} className="field__error">
            {error}
          </p>
        )}
        <div className="level-options">
          {item.levels.map((level, index) => {
            const value = index + 1;
            const id = levelInputId(item.key, value);
            return (
              <label key={level.label} className="level-option" htmlFor={id}>
                <input
                  id={id}
                  type="radio"
                  className="level-option__input"
                  name={`${base}-level`}
                  value={value}
                  checked={answer.level === value}
                  onChange={() => onChange({ ...answer, level: value })}
                  aria-labelledby={`${id}-label`}
                  aria-describedby={`${id}-descriptor`}
                  aria-invalid={error ? true : undefined}
                />
                <span className="level-option__body">
                  <span id={`${id}-label`} className="level-option__head">
                    <span className="level-option__number">{t('rounds.answer.level', { number: value })}</span>{' '}
                    <span lang={lang}>{level.label}</span>
                  </span>
                  <span id={`${id}-descriptor`} className="level-option__descriptor" lang={lang}>
                    {level.descriptor}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <TextAreaField
        label={t('rounds.answer.comment')}
        hint={t('rounds.answer.commentHint')}
        name={`${base}-comment`}
        rows={2}
        maxLength={1000}
        value={answer.comment}
        onChange={(event) => onChange({ ...answer, comment: event.target.value })}
        fieldClassName="answer-item__comment"
      />
      <button
        type="button"
        className="important-toggle"
        aria-pressed={isMostImportant}
        onClick={() => onMostImportant(!isMostImportant)}
      >
        <span className="important-toggle__icon" aria-hidden="true">
          {isMostImportant ? '★' : '☆'}
        </span>
        {t('rounds.answer.mostImportantToggle')}
      </button>
    </div>
  );
}

/** The same item once answers can no longer change: the chosen level, its descriptor and the comment. */
export function AnsweredItem({
  item,
  number,
  answer,
  isMostImportant,
  lang,
}: Pick<AnswerItemProps, 'item' | 'number' | 'answer' | 'isMostImportant' | 'lang'>) {
  const { t } = useTranslation();
  const level = answer.level ? item.levels[answer.level - 1] : undefined;
  return (
    <section className="answer-item" aria-labelledby={`answered-${item.key}`}>
      <h3 id={`answered-${item.key}`} className="answer-item__title">
        <span className="answer-item__number">{t('rounds.answer.itemNumber', { number })}</span>{' '}
        <span lang={lang}>{item.title}</span>
        {isMostImportant && (
          <span className="answer-item__star">
            <span aria-hidden="true">★</span> {t('rounds.answer.mostImportantMark')}
          </span>
        )}
      </h3>
      <dl className="summary-list answered">
        <div>
          <dt>{t('rounds.answer.chosenLevel')}</dt>
          <dd>
            {level && answer.level ? (
              <>
                <span className="level-option__head">
                  {t('rounds.answer.level', { number: answer.level })} <span lang={lang}>{level.label}</span>
                </span>
                <span className="cell-sub" lang={lang}>
                  {level.descriptor}
                </span>
              </>
            ) : (
              t('rounds.answer.noLevel')
            )}
          </dd>
        </div>
        {answer.comment && (
          <div>
            <dt>{t('rounds.answer.comment')}</dt>
            <dd className="answered__comment">{answer.comment}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
