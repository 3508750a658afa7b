import { formatTemplateIssues, parseSheetTemplate } from '../../../../shared/sheets/template-schema.js';
import { ApiError } from '../../../lib/api.js';
import type { Language } from '../../../lib/i18n/language.js';

/**
 * One problem of the draft at one place, e.g. `sections.0.items.2.levels.1.label`: the summary
 * names the place (「セクション1 › 項目3 › 段階2 › 段階名 (label): 入力してください。」), the
 * field itself only says what is wrong.
 */
export interface EditorProblem {
  path: string;
  summary: string;
  inline: string;
}

/** Dots for the brackets of `sections[0].items[2]`, the form the API answers with. */
export const dottedPath = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

/** The element a problem at `path` belongs to; ids with dots would need escaping in selectors. */
export const fieldId = (path: string) => `editor-${path.replace(/\./g, '-') || 'document'}`;

// The place comes first and ends at the first ': '; the field already says where it is.
const withoutPlace = (message: string) => message.slice(message.indexOf(': ') + 2);

/** Checks the content with the same schema the server uses, in the person's language. */
export function validateContent(content: unknown, language: Language): EditorProblem[] {
  const result = parseSheetTemplate(content);
  if (result.success) return [];
  return formatTemplateIssues(result.error.issues).map((problem) => {
    const message = problem.messages[language];
    return { path: dottedPath(problem.path), summary: message, inline: withoutPlace(message) };
  });
}

/** The server's problems with the content as sent; paths may start with `body.content.`. */
export function problemsFromServer(error: unknown, language: Language): EditorProblem[] {
  if (!(error instanceof ApiError) || !error.problem.errors) return [];
  return error.problem.errors.map((problem) => {
    const message = problem.messages?.[language] ?? problem.message;
    return {
      path: dottedPath(problem.path.replace(/^body\.content\.?/, '')),
      summary: message,
      inline: message.includes(': ') ? withoutPlace(message) : message,
    };
  });
}

/** The value at a dotted path, so a server problem can be dropped once its field changes. */
export function valueAt(content: unknown, path: string): unknown {
  let value = content;
  for (const part of path ? path.split('.') : []) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Moves focus to the field of a problem, or to the nearest enclosing part of the sheet that has one. */
export function focusProblem(path: string): void {
  const parts = path ? path.split('.') : [];
  for (let n = parts.length; n >= 0; n--) {
    const element = document.getElementById(fieldId(parts.slice(0, n).join('.')));
    if (!element) continue;
    const show = () => {
      element.focus();
      element.scrollIntoView({ block: 'center' });
    };
    // A folded item opens first (its toggle controls the hidden body), then its field takes focus.
    const folded = element.closest<HTMLElement>('[hidden]');
    const toggle = folded?.id ? document.querySelector<HTMLElement>(`[aria-controls="${folded.id}"]`) : null;
    if (toggle) {
      toggle.click();
      requestAnimationFrame(show);
    } else {
      show();
    }
    return;
  }
}
