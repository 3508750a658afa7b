/**
 * Text the server cut into parts around the search terms. Each part is rendered as text (never as
 * HTML, whatever a case contains); the matching parts are <mark>ed.
 */
export function HighlightedText({ parts }: { parts: readonly { text: string; highlight: boolean }[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.highlight ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are fixed for one render and have no ids
          <mark key={index}>{part.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
