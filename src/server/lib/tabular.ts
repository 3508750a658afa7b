import { stringify } from 'csv-stringify/sync';
import writeXlsxFile from 'write-excel-file/node';

/** One table for a download: a header row and the rows below it. Empty cells are null. */
export interface Table {
  /** Names the worksheet (Excel allows 31 characters) and the file. */
  name: string;
  header: string[];
  rows: (string | number | null)[][];
}

const BOM = '\uFEFF';

/**
 * Spreadsheets run a cell that begins with = + - or @ (and some read a leading tab or CR the same
 * way) as a formula: a case titled =HYPERLINK(…) would become a live link in the office's Excel.
 * Such text gets a leading apostrophe, which Excel reads as "this is text" (OWASP's advice). Numbers
 * are written as numbers and never touched, so -3 stays a number.
 */
export function neutraliseFormula(text: string): string {
  // Full-width ＝＋－＠ as well: Japanese input gives them, and Excel may read them as the half-width.
  return /^[=+\-@\t\r＝＋－＠]/.test(text) ? `'${text}` : text;
}

/** Undoes neutraliseFormula for a file read back in, so our own export imports as it was. */
export function restoreNeutralisedText(text: string): string {
  return /^'[=+\-@\t\r＝＋－＠]/.test(text) ? text.slice(1) : text;
}

const csvCell = (cell: string | number | null) =>
  cell === null ? '' : typeof cell === 'number' ? cell : neutraliseFormula(cell);

/**
 * CSV that Excel in Japan opens without garbling: UTF-8 with a byte-order mark, CRLF line ends,
 * every field quoted when it holds a comma, quote or line break.
 */
export function toCsv(table: Table): Buffer {
  const text = stringify([table.header.map(csvCell), ...table.rows.map((row) => row.map(csvCell))], {
    record_delimiter: '\r\n',
  });
  return Buffer.from(BOM + text, 'utf8');
}

// Characters Excel refuses in a worksheet name.
const sheetNameForbidden = /[\\/?*[\]:]/g;

/**
 * Several tables in one CSV for people who want a single file: each under a line with its name,
 * a blank line between them; UTF-8 with a byte-order mark like toCsv.
 */
export function toCsvSections(tables: Table[]): Buffer {
  const records = tables.flatMap((table, i) => [
    ...(i > 0 ? [[]] : []),
    [csvCell(table.name)],
    table.header.map(csvCell),
    ...table.rows.map((row) => row.map(csvCell)),
  ]);
  return Buffer.from(BOM + stringify(records, { record_delimiter: '\r\n' }), 'utf8');
}

/** An xlsx workbook with one worksheet: a bold, frozen header row and columns sized to their content. */
export async function toXlsx(table: Table): Promise<Buffer> {
  return toXlsxWorkbook([table]);
}

/** An xlsx workbook with one worksheet per table, each laid out as toXlsx lays out its one. */
export async function toXlsxWorkbook(tables: Table[]): Promise<Buffer> {
  const used = new Set<string>();
  const sheets = tables.map((table, i) => ({ ...sheetOf(table), sheet: uniqueSheetName(table.name, i, used) }));
  return writeXlsxFile(sheets).toBuffer();
}

function sheetOf(table: Table) {
  const widths = table.header.map((heading, i) =>
    Math.min(
      60,
      Math.max(8, displayWidth(heading), ...table.rows.slice(0, 200).map((row) => displayWidth(String(row[i] ?? '')))) +
        2,
    ),
  );
  // Text is written as text cells, which the xlsx format never evaluates; it gets the same
  // apostrophe as in CSV all the same, so that a copy pasted or saved as CSV from Excel stays inert.
  const data = [
    table.header.map((value) => ({ value: neutraliseFormula(value), fontWeight: 'bold' as const })),
    ...table.rows.map((row) =>
      row.map((cell) =>
        cell === null
          ? null
          : typeof cell === 'number'
            ? { value: cell, type: Number }
            : { value: neutraliseFormula(cell), type: String },
      ),
    ),
  ];
  return { data, columns: widths.map((width) => ({ width })), stickyRowsCount: 1 };
}

// Excel refuses two worksheets with one name, compared without case.
function uniqueSheetName(name: string, index: number, used: Set<string>): string {
  const base = name.replace(sheetNameForbidden, ' ').slice(0, 31) || `Sheet${index + 1}`;
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = `${base.slice(0, 27)} (${n})`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** Width in Excel's character units: a full-width Japanese character takes two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.slice(0, 200)) width += (char.codePointAt(0) ?? 0) > 0xff ? 2 : 1;
  return width;
}

/** A Content-Disposition value that keeps a Japanese file name (RFC 6266 / 5987) with an ASCII fallback. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A download ready to send: its bytes, media type and Content-Disposition. */
export interface TabularFile {
  body: Buffer;
  contentType: string;
  disposition: string;
}

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * One table (or several: one CSV in sections, or a worksheet each) as a CSV or xlsx download
 * named `<stem>.<format>`.
 */
export async function tabularFile(tables: Table | Table[], format: 'csv' | 'xlsx', stem: string): Promise<TabularFile> {
  const many = Array.isArray(tables);
  const body =
    format === 'csv'
      ? many
        ? toCsvSections(tables)
        : toCsv(tables)
      : many
        ? await toXlsxWorkbook(tables)
        : await toXlsx(tables);
  return { body, contentType: contentTypes[format], disposition: attachmentDisposition(`${stem}.${format}`) };
}
