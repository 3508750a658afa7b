import { formatDate, formatDateTime } from '../lib/format.js';
import { useLanguage } from '../lib/problems.js';

/**
 * A date as people read it (with 和暦) and as machines read it (the datetime attribute).
 * The date, the time and the era each stay on one line; a narrow column breaks only between them.
 */
export function DateText({ value, withTime = false }: { value: string | null | undefined; withTime?: boolean }) {
  const language = useLanguage();
  if (!value) return null;
  const text = withTime ? formatDateTime(value, language) : formatDate(value, language);
  const split = text.search(/（| \(/);
  if (split < 0) return <time dateTime={value}>{text}</time>;
  const day = text.slice(0, split);
  // The time follows the day after its last space (「2026年11月22日 14:05」, "22 Nov 2026, 14:05").
  const time = withTime ? day.lastIndexOf(' ') : -1;
  return (
    <time dateTime={value} className="date-text">
      {time < 0 ? (
        <span>{day}</span>
      ) : (
        <>
          <span>{day.slice(0, time)}</span> <span>{day.slice(time + 1)}</span>
        </>
      )}
      {text[split] === ' ' ? ' ' : ''}
      <span>{text.slice(split).trimStart()}</span>
    </time>
  );
}
