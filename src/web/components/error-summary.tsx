import type { RefObject } from 'react';

/**
 * The problems of a form, listed above it and focused after a failed save (GOV.UK and the Digital
 * Agency's pattern): each entry names its field and moves focus to that field's control.
 */
export function ErrorSummary({
  summaryRef,
  id,
  title,
  problems,
  fieldId,
  labelOf,
  colon,
}: {
  summaryRef: RefObject<HTMLElement | null>;
  /** The heading's id, unique on the page. */
  id: string;
  title: string;
  problems: [string, string][];
  /** The element id of a field by its path, where focus goes. */
  fieldId: (path: string) => string;
  labelOf: (path: string) => string;
  /** The separator between the field's name and the message, in the page's language. */
  colon: string;
}) {
  return (
    <section ref={summaryRef} className="alert alert--error error-summary" tabIndex={-1} aria-labelledby={id}>
      <h2 id={id} className="alert__title">
        {title}
      </h2>
      <ul className="error-summary__list">
        {problems.map(([path, message]) => (
          <li key={path}>
            <a
              href={`#${fieldId(path)}`}
              onClick={(event) => {
                event.preventDefault();
                const target = document.getElementById(fieldId(path));
                const control = target?.matches('input, select, textarea')
                  ? target
                  : target?.querySelector<HTMLElement>('input, select, textarea');
                (control ?? target)?.focus();
              }}
            >
              {labelOf(path)}
              {colon}
              {message}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
