import type { Database, Db } from '../../db/client.js';
import * as repo from './repo.js';

/** An event as a live stream sends it. */
export interface LiveEvent {
  id: number;
  kind: string;
  audience: 'all' | 'facilitator';
  payload: unknown;
}

export interface Subscriber {
  audience: 'all' | 'facilitator';
  lastId: number;
  /**
   * Streams of one variant are sent the same text for an event (every facilitator; the
   * participants of one group), so a pass shapes and serialises each event once per variant, not
   * once per stream: a seminar's thousands of phones share a few dozen texts.
   */
  variant: () => string;
  /** The text of one event on this stream. */
  format: (event: LiveEvent) => string;
  /** Sees each event the stream is sent (before its text is made or taken from another stream's). */
  observe?: (event: LiveEvent) => void;
  /** Writes the texts of one pass at once. */
  write: (text: string) => void;
  /** Ends the stream, when the server shuts down. */
  close: () => void;
}

/**
 * Kinds whose payload is whole: the latest replaces every earlier one on a screen. When a pass
 * carries several of one kind, a stream gets only the last, so a server that fell behind catches
 * up with one tally per stream instead of writing each it missed.
 */
/** How long, per stream written to, the next pass of a workshop waits: nothing to speak of below a thousand. */
const PASS_GAP_PER_STREAM_MS = 0.1;

const snapshotKinds = new Set(['tally', 'progress', 'counts', 'scoring']);

/** Ids of the snapshot events that a later event of the same kind and audience in the batch replaces. */
export function supersededIds(events: readonly Pick<LiveEvent, 'id' | 'kind' | 'audience'>[]): Set<number> {
  const latest = new Map<string, number>();
  const superseded = new Set<number>();
  for (const event of events) {
    if (!snapshotKinds.has(event.kind)) continue;
    const key = `${event.kind}:${event.audience}`;
    const earlier = latest.get(key);
    if (earlier !== undefined) superseded.add(earlier);
    latest.set(key, event.id);
  }
  return superseded;
}

/**
 * The live side of workshops on one app server. Events are rows of workshop_events; adding one
 * sends NOTIFY, which every app server on the database receives (LISTEN), and each then reads the
 * new rows once per workshop and passes them to its own open streams. Nothing here is needed
 * by another server: a stream that moves to another server resumes from its last event id.
 */
export class LiveHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly pumping = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopListening: (() => Promise<void>) | null = null;
  private sweep: NodeJS.Timeout | null = null;

  constructor(
    private readonly database: Database,
    private readonly db: Db,
    private readonly options: { sweepMs: number; passGapPerStreamMs?: number } = { sweepMs: 10_000 },
  ) {}

  async start(): Promise<void> {
    this.stopListening = await this.database.listen('workshop_events', (payload) => {
      if (payload === null) {
        // The listening connection came back: whatever was missed is read now.
        for (const workshopId of this.subscribers.keys()) this.pump(workshopId);
        return;
      }
      const workshopId = payload.split(':')[0] ?? '';
      if (this.subscribers.has(workshopId)) this.pump(workshopId);
    });
    // A safety net under NOTIFY: open streams are topped up every few seconds regardless.
    this.sweep = setInterval(() => {
      for (const workshopId of this.subscribers.keys()) this.pump(workshopId);
    }, this.options.sweepMs);
    this.sweep.unref();
  }

  async stop(): Promise<void> {
    if (this.sweep) clearInterval(this.sweep);
    // Open streams end, so the server can close; browsers reconnect elsewhere and resume.
    for (const set of this.subscribers.values()) for (const subscriber of set) subscriber.close();
    this.subscribers.clear();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.stopListening?.();
    this.stopListening = null;
    await Promise.allSettled([...this.pumping.values()]);
  }

  /** Opens a stream of a workshop's events after `lastId`; returns the function that closes it. */
  subscribe(workshopId: string, subscriber: Subscriber): () => void {
    const set = this.subscribers.get(workshopId) ?? new Set<Subscriber>();
    set.add(subscriber);
    this.subscribers.set(workshopId, set);
    this.pump(workshopId);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.subscribers.delete(workshopId);
    };
  }

  /** How many streams this server holds open, for the load bench and health. */
  get streamCount(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  /**
   * Reads the workshop's new events once and hands each stream those after its last. One read at
   * a time per workshop; a notice during a read asks for one more read after it.
   */
  private pump(workshopId: string): void {
    if (this.pumping.has(workshopId)) {
      this.again.add(workshopId);
      return;
    }
    const run = (async () => {
      do {
        this.again.delete(workshopId);
        const set = this.subscribers.get(workshopId);
        if (!set || set.size === 0) return;
        // The streams open now: one that opens during the read waits for the next pass (it asked
        // for one), instead of being handed events after its own last id skipped.
        const targets = [...set];
        const from = Math.min(...targets.map((s) => s.lastId));
        const events = await repo.eventsAfter(this.db, workshopId, from);
        const superseded = supersededIds(events);
        const texts = new Map<string, string>();
        let written = 0;
        for (const subscriber of targets) {
          if (!set.has(subscriber)) continue;
          const variant = subscriber.variant();
          let text = '';
          for (const event of events) {
            if (event.id <= subscriber.lastId) continue;
            subscriber.lastId = event.id;
            if (event.audience === 'facilitator' && subscriber.audience !== 'facilitator') continue;
            subscriber.observe?.(event);
            if (superseded.has(event.id)) continue;
            const key = `${variant}\n${event.id}`;
            let frame = texts.get(key);
            if (frame === undefined) {
              frame = subscriber.format(event);
              texts.set(key, frame);
            }
            text += frame;
          }
          if (text) {
            subscriber.write(text);
            written++;
          }
        }
        if (events.length === 500) this.again.add(workshopId);
        // A pass writes to every stream at once. In a large room the next one waits a moment
        // (300 ms after writing to 3,000 streams), which leaves the server time for the answers
        // in between; tallies counted meanwhile then go out as one.
        const gap = written * (this.options.passGapPerStreamMs ?? PASS_GAP_PER_STREAM_MS);
        if (gap >= 1) await new Promise((resolve) => setTimeout(resolve, gap));
      } while (this.again.has(workshopId));
    })()
      .catch(() => {
        // The next notice or sweep reads again.
      })
      .finally(() => this.pumping.delete(workshopId));
    this.pumping.set(workshopId, run);
  }

  /**
   * Runs `publish` once, `delayMs` after the first call with this key on this server; calls in the
   * meantime join it, so a burst of answers becomes one tally event, not one per answer.
   */
  throttle(key: string, delayMs: number, publish: () => Promise<void>): void {
    if (this.timers.has(key)) return;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      publish().catch(() => {
        // A failed publish is replaced by the next answer's, and screens can read the view.
      });
    }, delayMs);
    this.timers.set(key, timer);
  }
}
