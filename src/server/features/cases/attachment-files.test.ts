import { describe, expect, it } from 'vitest';
import { sampleFiles, zipOf } from '../../../../test/cases.js';
import { toXlsx } from '../../lib/tabular.js';
import { contentDisposition, detectFileKind, sanitizeFileName, zipEntryNames } from './attachment-files.js';

const samples = sampleFiles;

describe('detectFileKind', () => {
  it('reads images and documents from their first bytes', async () => {
    expect(detectFileKind(samples.png)?.mediaType).toBe('image/png');
    expect(detectFileKind(samples.jpeg)?.mediaType).toBe('image/jpeg');
    expect(detectFileKind(samples.gif)?.mediaType).toBe('image/gif');
    expect(detectFileKind(samples.webp)?.mediaType).toBe('image/webp');
    expect(detectFileKind(samples.pdf)?.mediaType).toBe('application/pdf');
    expect(detectFileKind(samples.docx)?.extensions).toEqual(['docx']);
    expect(detectFileKind(samples.pptx)?.extensions).toEqual(['pptx']);
    const xlsx = await toXlsx({ name: '事例', header: ['件名'], rows: [['窓口']] });
    expect(detectFileKind(xlsx)?.extensions).toEqual(['xlsx']);
  });

  it('refuses programs, plain zips, macro workbooks, SVG, HTML and empty files', () => {
    expect(detectFileKind(samples.exe)).toBeNull();
    expect(detectFileKind(zipOf(['a.txt']))).toBeNull();
    expect(detectFileKind(zipOf(['[Content_Types].xml', 'xl/workbook.xml', 'xl/vbaProject.bin']))).toBeNull();
    expect(detectFileKind(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'))).toBeNull();
    expect(detectFileKind(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(detectFileKind(Buffer.alloc(0))).toBeNull();
    expect(detectFileKind(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
  });

  it('does not trust a zip directory that points outside the file', () => {
    const broken = zipOf(['[Content_Types].xml', 'word/document.xml']);
    broken.writeUInt32LE(broken.length + 100, broken.length - 6);
    expect(zipEntryNames(broken)).toBeNull();
  });
});

describe('sanitizeFileName', () => {
  const png = detectFileKind(samples.png);
  const pdf = detectFileKind(samples.pdf);
  if (!png || !pdf) throw new Error('samples');

  it('keeps Japanese names and a fitting extension, and drops folders and dangerous characters', () => {
    expect(sanitizeFileName('改善前の窓口.PNG', png)).toBe('改善前の窓口.png');
    expect(sanitizeFileName('C:\\Users\\職員\\写真.png', png)).toBe('写真.png');
    expect(sanitizeFileName('../../etc/passwd', png)).toBe('passwd.png');
    expect(sanitizeFileName('a<b>:"c"|?*.png', png)).toBe('abc.png');
    // A right-to-left override makes "photo\u202egnp.exe" look like "photoexe.png".
    expect(sanitizeFileName('photo\u202egnp.exe', png)).toBe('photognp.exe.png');
    expect(sanitizeFileName('line\r\nbreak.png', png)).toBe('linebreak.png');
  });

  it('names the file after what it is, and never leaves it empty or reserved', () => {
    expect(sanitizeFileName('report.png', pdf)).toBe('report.png.pdf');
    expect(sanitizeFileName('', png)).toBe('image.png');
    expect(sanitizeFileName('...', pdf)).toBe('document.pdf');
    expect(sanitizeFileName(null, pdf)).toBe('document.pdf');
    expect(sanitizeFileName('CON.png', png)).toBe('_CON.png');
    expect([...sanitizeFileName(`${'長'.repeat(300)}.png`, png)].length).toBe(104);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name by RFC 5987', () => {
    expect(contentDisposition('改善前.png', true)).toBe(
      `inline; filename="___.png"; filename*=UTF-8''${encodeURIComponent('改善前')}.png`,
    );
    expect(contentDisposition(`it's (1) "a".pdf`, false)).toBe(
      `attachment; filename="it's (1) _a_.pdf"; filename*=UTF-8''it%27s%20%281%29%20%22a%22.pdf`,
    );
  });
});
