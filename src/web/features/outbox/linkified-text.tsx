import { splitLinks } from './split-links.js';

/** Plain mail text with its http(s) links made clickable; nothing else is read as markup. */
export function LinkifiedText({ text }: { text: string }) {
  let offset = 0;
  return (
    <pre className="mail-text">
      {splitLinks(text).map((part) => {
        const key = offset;
        offset += part.kind === 'text' ? part.value.length : part.url.length;
        return part.kind === 'text' ? (
          <span key={key}>{part.value}</span>
        ) : (
          <a key={key} href={part.url} rel="noopener noreferrer" className="break-all">
            {part.url}
          </a>
        );
      })}
    </pre>
  );
}
