import { parse as parseCsv } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { importLimits } from '../../../shared/case-import/import-schema.js';
import { AppError } from '../../lib/app-error.js';
import { restoreNeutralisedText } from '../../lib/tabular.js';

/** A case list read from a file: its header row and data rows as text, each with its row number in the file. */
export interface ParsedList {
  format: 'xlsx' | 'utf-8' | 'utf-8-bom' | 'shift_jis';
  headers: string[];
  rows: { rowNumber: number; cells: string[] }[];
}

const fileProblems = {
  encoding: {
    ja: 'ファイルの文字コードを判別できません。UTF-8（BOMの有無は問いません）またはShift_JISのCSV、またはxlsxで保存し直してください。',
    en: 'The character encoding of the file could not be recognised. Save it again as CSV in UTF-8 (with or without BOM) or Shift_JIS, or as xlsx.',
  },
  xlsx: {
    ja: 'xlsxファイルを読み取れませんでした。Excelで開けるか確かめ、保存し直してください。',
    en: 'The xlsx file could not be read. Check that Excel opens it and save it again.',
  },
  xls: {
    ja: '古い形式（.xls）のファイルは読み取れません。xlsxまたはCSVで保存し直してください。',
    en: 'Old .xls files cannot be read. Save the list as xlsx or CSV.',
  },
  csv: {
    ja: 'CSVの形式に誤りがあります（引用符の閉じ忘れなど）。',
    en: 'The CSV is malformed (for example a quote that is never closed).',
  },
  empty: {
    ja: '見出しの行とデータの行がありません。1行目に見出し、2行目から事例を並べてください。',
    en: 'There is no header row with data rows below it. Put the headings in the first row and one case per row below.',
  },
  too_many: {
    ja: `1回に取り込めるのは${importLimits.maxRows.toLocaleString('ja-JP')}行までです。ファイルを分けてください。`,
    en: `One import takes at most ${importLimits.maxRows.toLocaleString('en')} rows. Split the file.`,
  },
} as const;

/** A problem with the file as a whole, worded in both languages. */
export function fileError(kind: keyof typeof fileProblems): AppError {
  return new AppError('validation', kind, undefined, [
    { path: 'file', code: `caseImport.${kind}`, messages: fileProblems[kind] },
  ]);
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Counts well-formed UTF-8 multi-byte sequences and bytes that cannot be UTF-8. Shift_JIS text
 * rarely forms the former; a UTF-8 file damaged on the way has many of them beside the latter.
 */
function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need === 0) {
      i += 1;
      continue;
    }
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      valid += 1;
      i += need + 1;
    } else {
      invalid += 1;
      i += 1;
    }
  }
  return { valid, invalid };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters mean the bytes were not text
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

/** The text of a CSV file and the encoding it was in; never text decoded in the wrong encoding. */
export function decodeCsv(bytes: Uint8Array): { text: string; format: 'utf-8' | 'utf-8-bom' | 'shift_jis' } {
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = bom ? bytes.subarray(3) : bytes;
  const attempt = (encoding: string) => {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      return null;
    }
  };
  const utf8 = attempt('utf-8');
  if (utf8 !== null && !controlCharacters.test(utf8)) return { text: utf8, format: bom ? 'utf-8-bom' : 'utf-8' };
  const evidence = utf8Evidence(body);
  if (bom || utf8 !== null || evidence.valid > evidence.invalid) throw fileError('encoding');
  const sjis = attempt('shift_jis');
  if (sjis === null || controlCharacters.test(sjis)) throw fileError('encoding');
  // Half-width katakana in bulk is what other encodings look like when read as Shift_JIS.
  const nonAscii = sjis.replace(/[\x20-\x7e\t\r\n]/g, '');
  const halfKana = nonAscii.replace(/[^\uff61-\uff9f]/g, '');
  if (nonAscii.length > 0 && halfKana.length / nonAscii.length > 0.3) throw fileError('encoding');
  return { text: sjis, format: 'shift_jis' };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A spreadsheet cell as the text a person sees; dates as YYYY-MM-DD. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  return restoreNeutralisedText(String(value).trim());
}

function toList(format: ParsedList['format'], table: unknown[][]): ParsedList {
  const rows = table
    .map((cells, index) => ({ rowNumber: index + 1, cells: cells.map(cellText) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  const [header, ...data] = rows;
  if (!header || data.length === 0) throw fileError('empty');
  if (data.length > importLimits.maxRows) throw fileError('too_many');
  const width = Math.max(header.cells.length, ...data.map((r) => r.cells.length));
  const headers = Array.from({ length: width }, (_, i) => header.cells[i] ?? '');
  return {
    format,
    headers,
    rows: data.map((r) => ({ rowNumber: r.rowNumber, cells: headers.map((_, i) => r.cells[i] ?? '') })),
  };
}

/** Reads a case list: xlsx by its zip signature, anything else as CSV (or tab-separated) text. */
export async function parseCaseList(bytes: Buffer): Promise<ParsedList> {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw fileError('xls');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    let table: unknown[][];
    try {
      table = (await readSheet(bytes)) as unknown[][];
    } catch {
      throw fileError('xlsx');
    }
    return toList('xlsx', table);
  }
  const { text, format } = decodeCsv(bytes);
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let table: string[][];
  try {
    table = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch {
    throw fileError('csv');
  }
  return toList(format, table);
}
