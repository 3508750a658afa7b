import { formatDate, formatDateTime } from '../lib/format.js';
import { useLanguage } from '../lib/problems.js';

/**
 * A date as people read it (with 和暦) and as machines read it (the datetime attribute).
 * The date and the era each stay on one line; a narrow column breaks only between them.
 */
export function DateText({ value, withTime = false }: { value: string | null | undefined; withTime?: boolean }) {
  const language = useLanguage();
  if (!value) return null;
  const text = withTime ? formatDateTime(value, language) : formatDate(value, language);
  const split = text.search(/（| \(/);
  if (split < 0) return <time dateTime={value}>{text}</time>;
  return (
    <time dateTime={value} className="date-text">
      <span>{text.slice(0, split)}</span>
      {text[split] === ' ' ? ' ' : ''}
      <span>{text.slice(split).trimStart()}</span>
    </time>
  );
}
