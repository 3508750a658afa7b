import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNode, LineCounter, parseDocument, type YAMLError } from 'yaml';
import {
  formatTemplateIssues,
  parseSheetTemplate,
  type SheetTemplate,
  type SourcePosition,
  type TemplateProblem,
} from '../../../shared/sheets/template-schema.js';

/**
 * The sample templates we ship as YAML. The server build only emits .ts files, so from dist the
 * folder is found in the source tree, which is resolved from the repository root.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const sourceFolder = path.resolve(here, '../../../..', 'src/server/features/sheets/default-templates');
export const defaultTemplatesFolder =
  [path.join(here, 'default-templates'), sourceFolder].find(existsSync) ?? sourceFolder;

/** A bigger file is not a sheet; refusing early keeps a hostile upload from costing parse time. */
export const maxTemplateFileBytes = 256 * 1024;

export type TemplateParseResult = { ok: true; template: SheetTemplate } | { ok: false; problems: TemplateProblem[] };

/** The parser's error codes a person meets when writing a sheet by hand, worded for them. */
const yamlErrorMessages: Record<string, { ja: string; en: string }> = {
  BAD_INDENT: { ja: '字下げ（インデント）がそろっていません。', en: 'The indentation is not consistent.' },
  TAB_AS_INDENT: {
    ja: '字下げにタブは使えません。半角スペースにしてください。',
    en: 'Tabs cannot indent; use spaces.',
  },
  DUPLICATE_KEY: { ja: '同じ名前の項目が2回書かれています。', en: 'The same field is written twice.' },
  MULTILINE_IMPLICIT_KEY: {
    ja: '字下げが上の行とそろっていないか、「:」が抜けています。',
    en: 'The indentation does not line up with the lines above, or a ":" is missing.',
  },
  BLOCK_AS_IMPLICIT_KEY: {
    ja: '字下げが上の行とそろっていないか、「:」が抜けています。',
    en: 'The indentation does not line up with the lines above, or a ":" is missing.',
  },
  UNEXPECTED_TOKEN: { ja: '想定していない記号があります。', en: 'There is an unexpected character.' },
  MISSING_CHAR: {
    ja: '必要な記号（「- 」「: 」や閉じる引用符・括弧）が足りません。字下げも確かめてください。',
    en: 'A required "- ", ": " or closing quote or bracket is missing; check the indentation too.',
  },
  MULTIPLE_DOCS: { ja: '1つのファイルには1つのシートだけを書いてください。', en: 'Put one sheet in one file.' },
};

/** Nesting far beyond any sheet's (a few levels), far below the depth at which the parser fails. */
const nestingLimits = { indentColumns: 100, compactIndicators: 20, brackets: 50 };

/**
 * The YAML parser recurses once per level of nesting. Near a thousand levels (2 KB of "- - - …"
 * or "[[[…") it runs out of stack, and after that the process can die out of memory compiling a
 * regular expression on the next such file: one upload could stop the server for everyone. So the
 * nesting is bounded, conservatively, before the parser sees the text: the indentation of each
 * line, the "- " / "? " / ": " starting it, and the brackets still open (counted in quoted text
 * too, which can only refuse more, never less).
 */
function findTooDeep(text: string): SourcePosition | null {
  let brackets = 0;
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const content = line.trimStart();
    const compact = (/^(?:[-?:](?:[ \t]+|$))*/.exec(content)?.[0] ?? '').replace(/[ \t]/g, '').length;
    if (line.length - content.length > nestingLimits.indentColumns || compact > nestingLimits.compactIndicators)
      return { line: index + 1, column: 1 };
    for (let column = 0; column < line.length; column++) {
      const char = line[column];
      if (char === '[' || char === '{') {
        if (++brackets > nestingLimits.brackets) return { line: index + 1, column: column + 1 };
      } else if ((char === ']' || char === '}') && brackets > 0) brackets--;
    }
  }
  return null;
}

function describeYamlError(error: YAMLError, lineCounter: LineCounter): TemplateProblem {
  // A key that runs over two lines starts on the line above the mistake; the end is where a person looks.
  const offset = error.code === 'MULTILINE_IMPLICIT_KEY' ? Math.max(error.pos[0], error.pos[1] - 1) : error.pos[0];
  const { line, col } = lineCounter.linePos(offset);
  const known = yamlErrorMessages[error.code];
  // The parser's own text, first line only: it is precise, but English and followed by a source excerpt.
  const detail = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? '';
  return {
    path: '',
    line,
    column: col,
    code: `yaml.${error.code}`,
    messages: {
      ja: `${line}行目: ${known?.ja ?? 'YAMLの書き方に誤りがあります。'}（${detail}）`,
      en: `line ${line}: ${known?.en ?? 'The YAML is not well-formed.'} (${detail})`,
    },
  };
}

/**
 * Parses and validates one template file, reporting each problem with its line number.
 * Used for the samples at start-up and for the files organisations import.
 */
export function parseTemplateYaml(text: string): TemplateParseResult {
  if (Buffer.byteLength(text, 'utf8') > maxTemplateFileBytes)
    return {
      ok: false,
      problems: [
        {
          path: '',
          code: 'yaml.TOO_LARGE',
          messages: {
            ja: `ファイルが大きすぎます（${maxTemplateFileBytes / 1024}KBまで）。`,
            en: `The file is too large (up to ${maxTemplateFileBytes / 1024} KB).`,
          },
        },
      ],
    };
  const tooDeep = findTooDeep(text);
  if (tooDeep)
    return {
      ok: false,
      problems: [
        {
          path: '',
          ...tooDeep,
          code: 'yaml.TOO_DEEP',
          messages: {
            ja: `${tooDeep.line}行目: 入れ子が深すぎます（字下げは${nestingLimits.indentColumns}文字、括弧は${nestingLimits.brackets}重まで）。`,
            en: `line ${tooDeep.line}: Nested too deeply (at most ${nestingLimits.indentColumns} columns of indentation and ${nestingLimits.brackets} brackets).`,
          },
        },
      ],
    };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // The parser reports a too-deep line twice, once as each kind of broken key; one message is enough.
    const multiline = new Set(doc.errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
    const errors = doc.errors.filter((e) => !(e.code === 'BLOCK_AS_IMPLICIT_KEY' && multiline.has(e.pos[0])));
    return { ok: false, problems: errors.map((e) => describeYamlError(e, lineCounter)) };
  }

  // Aliases are never needed in a sheet; a low cap stops a "billion laughs" file.
  const result = parseSheetTemplate(doc.toJS({ maxAliasCount: 10 }));
  if (result.success) return { ok: true, template: result.data };

  // A missing field has no node of its own: point at the nearest enclosing one that exists.
  const locate = (issuePath: readonly PropertyKey[]): SourcePosition | undefined => {
    for (let depth = issuePath.length; depth >= 0; depth--) {
      const node = doc.getIn(issuePath.slice(0, depth) as (string | number)[], true);
      const offset = isNode(node) ? node.range?.[0] : depth === 0 ? doc.contents?.range?.[0] : undefined;
      if (offset !== undefined) {
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
      }
    }
    return undefined;
  };
  return { ok: false, problems: formatTemplateIssues(result.error.issues, locate) };
}

export interface DefaultTemplateFile {
  file: string;
  result: TemplateParseResult;
}

/** Every sample file with its parse result, for tests and for a check at start-up. */
export function readDefaultTemplateFiles(folder = defaultTemplatesFolder): DefaultTemplateFile[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const result = parseTemplateYaml(readFileSync(path.join(folder, file), 'utf8'));
      // The file name is the key, so a copied file cannot silently shadow another sample.
      if (result.ok && `${result.template.key}.yaml` !== file)
        return {
          file,
          result: {
            ok: false,
            problems: [
              {
                path: 'key',
                code: 'sheetTemplate.key_file_name',
                messages: {
                  ja: `キー「${result.template.key}」がファイル名「${file}」と一致しません。`,
                  en: `The key "${result.template.key}" does not match the file name "${file}".`,
                },
              },
            ],
          },
        };
      return { file, result };
    });
}

/** The samples an organisation copies and adapts; a broken file is a bug of ours, so it throws. */
export function loadDefaultTemplates(folder = defaultTemplatesFolder): SheetTemplate[] {
  const files = readDefaultTemplateFiles(folder);
  const broken = files.flatMap(({ file, result }) =>
    result.ok ? [] : result.problems.map((p) => `${file}: ${p.messages.en}`),
  );
  if (broken.length > 0) throw new Error(`Default step-up sheet templates are invalid:\n${broken.join('\n')}`);
  return files.flatMap(({ result }) => (result.ok ? [result.template] : []));
}
