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
 * CSV that Excel in Japan opens without garbling: UTF-8 with a byte-order mark, CRLF line ends,
 * every field quoted when it holds a comma, quote or line break.
 */
export function toCsv(table: Table): Buffer {
  const text = stringify([table.header, ...table.rows.map((row) => row.map((cell) => cell ?? ''))], {
    record_delimiter: '\r\n',
  });
  return Buffer.from(BOM + text, 'utf8');
}

// Characters Excel refuses in a worksheet name.
const sheetNameForbidden = /[\\/?*[\]:]/g;

/** An xlsx workbook with one worksheet: a bold, frozen header row and columns sized to their content. */
export async function toXlsx(table: Table): Promise<Buffer> {
  const widths = table.header.map((heading, i) =>
    Math.min(
      60,
      Math.max(8, displayWidth(heading), ...table.rows.slice(0, 200).map((row) => displayWidth(String(row[i] ?? '')))) +
        2,
    ),
  );
  const data = [
    table.header.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...table.rows.map((row) =>
      row.map((cell) => (cell === null ? null : typeof cell === 'number' ? { value: cell, type: Number } : cell)),
    ),
  ];
  return writeXlsxFile(data, {
    sheet: table.name.replace(sheetNameForbidden, ' ').slice(0, 31) || 'Sheet1',
    columns: widths.map((width) => ({ width })),
    stickyRowsCount: 1,
  }).toBuffer();
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
