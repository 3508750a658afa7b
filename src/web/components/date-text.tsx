import { formatDate, formatDateTime } from '../lib/format.js';
import { useLanguage } from '../lib/problems.js';

/** A date as people read it (with 和暦) and as machines read it (the datetime attribute). */
export function DateText({ value, withTime = false }: { value: string | null | undefined; withTime?: boolean }) {
  const language = useLanguage();
  if (!value) return null;
  const text = withTime ? formatDateTime(value, language) : formatDate(value, language);
  return <time dateTime={value}>{text}</time>;
}
