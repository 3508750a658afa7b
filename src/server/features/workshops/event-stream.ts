import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LiveEvent, LiveHub } from './live.js';

/** Seconds between comments on an idle stream, so proxies and phones keep it open. */
const HEARTBEAT_MS = 20_000;
/**
 * Unsent bytes a stream may pile up (a phone asleep with its connection still open) before it is
 * closed; the browser reconnects when it wakes and resumes after its last event.
 */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * Sends a workshop's events as Server-Sent Events from after the last id the client saw (the
 * Last-Event-ID header a browser sends when it reconnects, or ?after= on the first connection).
 */
export function openEventStream(
  hub: LiveHub,
  request: FastifyRequest,
  reply: FastifyReply,
  workshopId: string,
  audience: 'all' | 'facilitator',
  /** What this stream sends of an event's payload; all of it by default. */
  shape: (event: LiveEvent) => unknown = (event) => event.payload,
) {
  const header = request.headers['last-event-id'];
  const query = (request.query as { after?: string }).after;
  const after = Number(Array.isArray(header) ? header[0] : (header ?? query ?? 0));
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.write('retry: 2000\n\n');
  const unsubscribe = hub.subscribe(workshopId, {
    audience,
    lastId: Number.isSafeInteger(after) && after > 0 ? after : 0,
    send: (event) => {
      if (raw.writableLength > MAX_BUFFERED_BYTES) {
        raw.destroy();
        return;
      }
      raw.write(`id: ${event.id}\nevent: ${event.kind}\ndata: ${JSON.stringify(shape(event))}\n\n`);
    },
    close: () => raw.end(),
  });
  const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  raw.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
