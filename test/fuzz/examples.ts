import type { InjectOptions } from 'fastify';
import type { TestApp } from '../harness.js';
import type { Operation } from './operations.js';

/** A request that succeeded: its path parameters and JSON body. */
export interface Example {
  params: Record<string, string>;
  body: unknown;
}

const PER_OPERATION = 6;

/**
 * Requests that succeeded, by operation. A body generated from its schema alone rarely passes
 * the rules behind it (a cohort needs participants, a version must exist); changing one place of
 * a request that worked reaches the code behind those rules.
 */
export class Examples {
  readonly #byOperation = new Map<string, Example[]>();
  readonly #matchers: { op: Operation; pattern: RegExp }[];

  constructor(operations: Operation[]) {
    // Fewest parameters first: /cases/export is that route, not /cases/{caseId}.
    this.#matchers = operations
      .map((op) => ({
        op,
        pattern: new RegExp(`^${op.path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`),
      }))
      .sort((a, b) => a.op.pathParams.length - b.op.pathParams.length);
  }

  /** The operation a request is for, and its path parameters decoded. */
  match(method: string, url: string): { op: Operation; params: Record<string, string> } | null {
    const path = url.split('?')[0] ?? '';
    for (const { op, pattern } of this.#matchers) {
      const found = op.method === method ? pattern.exec(path) : null;
      if (found)
        return {
          op,
          params: Object.fromEntries(Object.entries(found.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)])),
        };
    }
    return null;
  }

  add(operationId: string, example: Example) {
    const list = this.#byOperation.get(operationId) ?? [];
    const text = JSON.stringify(example);
    if (list.length < PER_OPERATION && !list.some((e) => JSON.stringify(e) === text)) list.push(example);
    this.#byOperation.set(operationId, list);
  }

  /** How many operations have at least one example. */
  get operations(): number {
    return this.#byOperation.size;
  }

  of(operationId: string): Example[] {
    return this.#byOperation.get(operationId) ?? [];
  }

  /** Keeps every JSON request the app answers with a 2xx while `during` runs. */
  async recordWhile<T>(t: TestApp, during: () => Promise<T>): Promise<T> {
    const original = t.app.inject;
    const inject = original.bind(t.app) as (options: InjectOptions) => ReturnType<typeof original>;
    const recording = async (options: InjectOptions) => {
      const response = await inject(options);
      if (response.statusCode < 300) {
        const found = this.match(String(options.method ?? 'GET'), String(options.url ?? ''));
        const body = options.payload;
        const isJson = body === undefined || (typeof body === 'object' && !Buffer.isBuffer(body));
        if (found && isJson) this.add(found.op.id, { params: found.params, body: body ?? null });
      }
      return response;
    };
    t.app.inject = recording as unknown as typeof original;
    try {
      return await during();
    } finally {
      t.app.inject = original;
    }
  }
}
