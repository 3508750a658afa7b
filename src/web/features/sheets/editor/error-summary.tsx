import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { type EditorProblem, fieldId, focusProblem } from './problems.js';

/**
 * Every problem of the draft at the top of the form, each a link to its field. It takes focus when
 * saving fails, so a screen reader reads the count and the list before anything else.
 */
export function ErrorSummary({ problems, ref }: { problems: EditorProblem[]; ref: Ref<HTMLElement> }) {
  const { t } = useTranslation();
  return (
    <section
      ref={ref}
      className="alert alert--error editor-summary"
      tabIndex={-1}
      aria-labelledby="editor-summary-title"
    >
      <h2 id="editor-summary-title" className="alert__title editor-summary__title">
        {t('editor.summaryTitle', { count: problems.length })}
      </h2>
      <ul className="editor-summary__list">
        {problems.map((problem) => (
          <li key={problem.path}>
            <a
              href={`#${fieldId(problem.path)}`}
              onClick={(event) => {
                event.preventDefault();
                focusProblem(problem.path);
              }}
            >
              {problem.summary}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
