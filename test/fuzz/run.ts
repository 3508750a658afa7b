import fc from 'fast-check';
import type { TestApp } from '../harness.js';
import { buildRequest, type Kind, kinds } from './hostile.js';
import { judge } from './judge.js';
import type { Operation } from './operations.js';
import { type FuzzRequest, send } from './send.js';
import type { CallerName, World } from './world.js';

export interface FuzzOptions {
  seed: number;
  /** Requests per operation, caller and kind. */
  runs: number;
}

export interface Failure {
  operation: string;
  caller: CallerName;
  kind: Kind;
  run: number;
  variant: number;
  reason: string;
  request: FuzzRequest;
  status: number;
  body: string;
}

/** FNV-1a over the parts: each request has a seed of its own, so any one can be made again alone. */
export function caseSeed(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('|')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash | 0;
}

/** Every caller sends every kind of request to one operation, `runs` times each. */
export async function fuzzOperation(t: TestApp, world: World, op: Operation, options: FuzzOptions) {
  const failures: Failure[] = [];
  let requests = 0;
  for (const caller of world.callers) {
    for (const kind of kinds) {
      for (let run = 0; run < options.runs; run++) {
        let variants = 1;
        for (let variant = 0; variant < variants; variant++) {
          // The same seed for every variant: the same request, another place changed.
          const seed = caseSeed(options.seed, op.id, caller.name, kind, run);
          const [g] = fc.sample(fc.gen(), { seed, numRuns: 1 });
          const built = buildRequest(g as fc.GeneratorValue, op, caller, kind, world, { run, variant });
          variants = built.variants;
          const request = built.request;
          const response = await send(t, request);
          requests++;
          const reason = judge(response);
          if (process.env.FUZZ_TRACE)
            console.log(
              [
                'trace',
                op.id,
                caller.name,
                kind,
                response.statusCode,
                Math.round(response.ms),
                response.body.slice(0, 160),
                request.url.slice(0, 200),
                String(request.payload ?? '').slice(0, 300),
              ].join('\t'),
            );
          if (reason)
            failures.push({
              operation: op.id,
              caller: caller.name,
              kind,
              run,
              variant,
              reason,
              request,
              status: response.statusCode,
              body: response.body,
            });
          if (kind === 'valid' && response.statusCode < 300) world.examples.add(op.id, built.sent);
          // Refused before its input was read (no session): the other places need not be tried.
          if (response.statusCode === 401 && variant === 0) variants = 1;
          if (caller.name === 'org-admin' && op.method !== 'GET' && response.statusCode < 300)
            await world.keepAdminSignedIn();
        }
      }
    }
  }
  return { requests, failures };
}

const clip = (text: string, max = 400) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

function showBytes(payload: string | Buffer | undefined): string {
  if (payload === undefined) return '(none)';
  const buffer = Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer.subarray(0, 600));
  return `${buffer.length} bytes: ${JSON.stringify(clip(text)).replaceAll('\ufffd', '\\x??')}`;
}

/** A failure as a person replaying it needs it: what was sent, what came back, how to send it again. */
export function describeFailure(failure: Failure, options: FuzzOptions): string {
  return [
    `✗ ${failure.operation} as ${failure.caller}, kind ${failure.kind}, run ${failure.run}, variant ${failure.variant}: ${failure.reason}`,
    `  replay: npm run fuzz -- --seed ${options.seed} --runs ${options.runs} --operation "${failure.operation}"`,
    `  request: ${failure.request.method} ${clip(failure.request.url, 300)}`,
    `  headers: ${clip(JSON.stringify(failure.request.headers), 300)}`,
    `  body: ${showBytes(failure.request.payload)}`,
    `  answer: ${failure.status} ${clip(failure.body)}`,
  ].join('\n');
}
