import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LiveEvent, LiveHub } from './live.js';

/** Seconds between comments on an idle stream, so proxies and phones keep it open. */
const HEARTBEAT_MS = 20_000;
/**
 * Unsent bytes a stream may pile up (a phone asleep with its connection still open) before it is
 * closed; the browser reconnects when it wakes and resumes after its last event.
 */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** How one stream differs from the others of its audience. */
export interface StreamShape {
  /** What this stream sends of an event's payload. */
  shape: (event: LiveEvent) => unknown;
  /**
   * What the shape depends on besides the event (e.g. the participant's group): streams that
   * give the same key are sent the same text, made once.
   */
  variant: () => string;
  /** Sees every event this stream is sent, before it is sent. */
  observe?: (event: LiveEvent) => void;
}

/**
 * Sends a workshop's events as Server-Sent Events from after the last id the client saw (the
 * Last-Event-ID header a browser sends when it reconnects, or ?after= on the first connection).
 * Without a shape, every stream of the audience gets each event's whole payload.
 */
export function openEventStream(
  hub: LiveHub,
  request: FastifyRequest,
  reply: FastifyReply,
  workshopId: string,
  audience: 'all' | 'facilitator',
  shaped?: StreamShape,
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
    variant: shaped ? () => `${audience}:${shaped.variant()}` : () => `${audience}:whole`,
    format: (event) =>
      `id: ${event.id}\nevent: ${event.kind}\ndata: ${JSON.stringify(shaped ? shaped.shape(event) : event.payload)}\n\n`,
    ...(shaped?.observe ? { observe: shaped.observe } : {}),
    write: (text) => {
      if (raw.writableLength > MAX_BUFFERED_BYTES) {
        raw.destroy();
        return;
      }
      raw.write(text);
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
