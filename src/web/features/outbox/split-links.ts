export type TextPart = { kind: 'text'; value: string } | { kind: 'link'; url: string };

// Japanese closing brackets end an address: mail text often wraps links in 「」 or （）.
const urlPattern = /https?:\/\/[^\s<>"'）」】]+/g;

/** Splits mail text into plain runs and http(s) links; a link whose secret part is hidden (••••••) stays text. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const index = match.index ?? 0;
    // Sentence punctuation right after a link belongs to the sentence, not the address.
    const url = match[0].replace(/[.,;:!?。、]+$/, '');
    if (url.includes('•')) continue;
    if (index > last) parts.push({ kind: 'text', value: text.slice(last, index) });
    parts.push({ kind: 'link', url });
    last = index + url.length;
  }
  if (last < text.length) parts.push({ kind: 'text', value: text.slice(last) });
  return parts;
}
