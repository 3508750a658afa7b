import type { Readable } from 'node:stream';
import type { TestApp } from '../harness.js';

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

export interface FuzzResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The body as text (binary downloads too: only error bodies and JSON are judged); '' for a stream. */
  body: string;
  /** Milliseconds until the whole answer was there. */
  ms: number;
  /** Set when no answer came within the time limit. */
  timedOut?: boolean;
}

/** A live stream (text/event-stream) is read this long, then closed as a browser tab would be. */
const STREAM_GLANCE_MS = 50;

async function readAll(stream: Readable, isLive: boolean): Promise<Buffer> {
  const chunks: Buffer[] = [];
  if (isLive) {
    await new Promise((resolve) => setTimeout(resolve, STREAM_GLANCE_MS));
    stream.destroy();
    return Buffer.alloc(0);
  }
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * Sends one request through inject(), reading the answer as a stream so that an event stream,
 * which never ends, is looked at and closed instead of waited for.
 */
export async function send(t: TestApp, request: FuzzRequest, timeoutMs = 15_000): Promise<FuzzResponse> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const answer = (async () => {
    const response = await t.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: request.headers,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
      payloadAsStream: true,
    });
    const isLive = String(response.headers['content-type'] ?? '').startsWith('text/event-stream');
    const body = await readAll(response.stream(), isLive);
    if (isLive) response.raw.res.destroy();
    return {
      statusCode: response.statusCode,
      headers: response.headers,
      body: body.toString('utf8'),
      ms: performance.now() - started,
    };
  })();
  const late = new Promise<FuzzResponse>((resolve) => {
    timer = setTimeout(
      () => resolve({ statusCode: 0, headers: {}, body: '', ms: timeoutMs, timedOut: true }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}
