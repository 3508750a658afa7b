import type { TestApp } from './harness.js';

/** A zip with these (empty, stored) entries: enough for its central directory to name them. */
export function zipOf(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Small files of each kind, by their first bytes, and a Windows program to disguise. */
export const sampleFiles = {
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]),
  gif: Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(16)]),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(16)]),
  pdf: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n'),
  docx: zipOf(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']),
  pptx: zipOf(['[Content_Types].xml', 'ppt/presentation.xml']),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.')]),
};

type Part = { name: string; value: string } | { name: string; fileName: string; type: string; content: Buffer };

/** A multipart/form-data body as a browser sends it, and its Content-Type header. */
export function multipartBody(parts: Part[]) {
  const boundary = `----kaizen${Math.random().toString(36).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head =
      'value' in part
        ? `Content-Disposition: form-data; name="${part.name}"\r\n\r\n`
        : `Content-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: ${part.type}\r\n\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}`, 'utf8'));
    chunks.push('value' in part ? Buffer.from(part.value, 'utf8') : part.content);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads one file to a case. */
export function uploadAttachment(
  t: TestApp,
  url: string,
  cookie: string,
  file: { fileName: string; content: Buffer; type?: string; role?: string },
) {
  const { payload, contentType } = multipartBody([
    ...(file.role ? [{ name: 'role', value: file.role }] : []),
    { name: 'file', fileName: file.fileName, type: file.type ?? 'application/octet-stream', content: file.content },
  ]);
  return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': contentType }, payload });
}

/** Reports a case as the org admin and takes it through review to published; returns its id. */
export async function publishCase(t: TestApp, orgId: string, cookie: string, body: Record<string, unknown>) {
  const created = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/cases`,
    headers: { cookie },
    payload: { happenedOn: '2026-06-01', ...body },
  });
  if (created.statusCode !== 201) throw new Error(`create case failed: ${created.body}`);
  const id = created.json().id as string;
  for (const action of ['submit', 'approve', 'publish']) {
    const step = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/cases/${id}/review`,
      headers: { cookie },
      payload: { action },
    });
    if (step.statusCode !== 200) throw new Error(`${action} failed: ${step.body}`);
  }
  return id;
}
