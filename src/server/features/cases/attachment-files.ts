/**
 * What an uploaded file is, read from its bytes (a renamed .exe is still an .exe), and a name for
 * it that is safe to store and to send back in a Content-Disposition header. No I/O.
 */

export interface FileKind {
  mediaType: string;
  /** Accepted extensions, the first one used when the file's own does not fit. */
  extensions: string[];
  isImage: boolean;
}

const kinds = {
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], isImage: true },
  png: { mediaType: 'image/png', extensions: ['png'], isImage: true },
  webp: { mediaType: 'image/webp', extensions: ['webp'], isImage: true },
  gif: { mediaType: 'image/gif', extensions: ['gif'], isImage: true },
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], isImage: false },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    isImage: false,
  },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    isImage: false,
  },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    isImage: false,
  },
} satisfies Record<string, FileKind>;

const startsWith = (bytes: Buffer, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The kind of a file by its content, or null for anything we do not accept. */
export function detectFileKind(bytes: Buffer): FileKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return kinds.jpeg;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return kinds.png;
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return kinds.gif;
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return kinds.webp;
  if (startsWith(bytes, ascii('%PDF-'))) return kinds.pdf;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeKindOf(zipEntryNames(bytes));
  return null;
}

/** An Office Open XML file is a zip with [Content_Types].xml and its application's folder; macros are refused. */
function officeKindOf(names: string[] | null): FileKind | null {
  if (!names?.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.toLowerCase().endsWith('vbaproject.bin'))) return null;
  if (names.some((n) => n.startsWith('word/'))) return kinds.docx;
  if (names.some((n) => n.startsWith('xl/'))) return kinds.xlsx;
  if (names.some((n) => n.startsWith('ppt/'))) return kinds.pptx;
  return null;
}

/** The entry names of a zip's central directory, or null when it cannot be read. */
export function zipEntryNames(bytes: Buffer, maxEntries = 5000): string[] | null {
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 65,535.
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let n = 0; n < Math.min(count, maxEntries); n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

// Control characters, characters Windows refuses in names, and the invisible or direction-changing
// ones that make "gpj.exe" look like "exe.jpg".
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const unsafeInName = /[\u0000-\u001f\u007f-\u009f<>:"|?*\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
const reservedOnWindows = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const maxBaseLength = 100;

/**
 * A file name safe to store and to offer for download: no folders, no control or invisible
 * characters, at most 100 characters before the extension, and the extension of what the file
 * really is (a PDF sent as report.png is stored as report.pdf).
 */
export function sanitizeFileName(raw: string | null | undefined, kind: FileKind): string {
  const last = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = last.replace(unsafeInName, '').replace(/\s+/g, ' ').trim();
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  let base = (dot > 0 && kind.extensions.includes(extension) ? cleaned.slice(0, dot) : cleaned)
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .trim();
  base = [...base].slice(0, maxBaseLength).join('').trim();
  if (!base) base = kind.isImage ? 'image' : 'document';
  if (reservedOnWindows.test(base)) base = `_${base}`;
  return `${base}.${kind.extensions.includes(extension) ? extension : kind.extensions[0]}`;
}

/** RFC 5987 encoding: percent-encode everything outside attr-char. */
const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Content-Disposition for a download: an ASCII `filename` for old clients and `filename*` in
 * UTF-8 for Japanese names. Images open in the browser, everything else is saved.
 */
export function contentDisposition(fileName: string, inline: boolean): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** Whether a stored media type is one the browser may show inline. */
export const isImageType = (mediaType: string) =>
  Object.values(kinds).some((k) => k.isImage && k.mediaType === mediaType);
