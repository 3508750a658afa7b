import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinds } from '../../../test/fuzz/hostile.js';
import { operationsOf } from '../../../test/fuzz/operations.js';
import { describeFailure, type FuzzOptions, fuzzOperation } from '../../../test/fuzz/run.js';
import { buildWorld, type World } from '../../../test/fuzz/world.js';
import { createTestApp } from '../../../test/harness.js';

/**
 * Hostile input, generated from the app's own OpenAPI document: every operation, as an org admin,
 * unauthenticated and as a workshop participant, gets every kind of request (valid-looking, wrong
 * types, 1 MB strings, deep nesting, invalid UTF-8, U+0000, lone surrogates, injections, real
 * ids of the own and a foreign organisation, malformed ids, numbers and dates past their bounds,
 * bad query strings, bodies and cookies). No answer may be a 5xx, show a stack trace or SQL, or
 * be a client error other than our problem+json. A fixed seed here; `npm run fuzz` runs longer.
 */

const options: FuzzOptions = {
  seed: Number(process.env.FUZZ_SEED ?? 20_260_601),
  runs: Number(process.env.FUZZ_RUNS ?? 1),
};
const only = process.env.FUZZ_OPERATION;

const t = await createTestApp();
const everyOperation = operationsOf(t.app.swagger() as never);
const operations = everyOperation.filter((op) => !only || op.id === only || op.id.includes(only));
let world: World;
let requests = 0;
const started = Date.now();

beforeAll(async () => {
  world = await buildWorld(t, everyOperation);
}, 120_000);
afterAll(async () => {
  console.log(
    `fuzz: seed ${options.seed}, ${operations.length} operations × ${world?.callers.length ?? 0} callers × ${kinds.length} kinds × ${options.runs} run(s): ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; examples of ${world?.examples.operations ?? 0} operations`,
  );
  await t.close();
});

describe(`hostile input (seed ${options.seed})`, () => {
  it('reads every operation from the OpenAPI document', () => {
    expect(everyOperation.length).toBeGreaterThan(100);
    expect(operations.length).toBeGreaterThan(0);
  });

  for (const op of operations) {
    it(
      op.id,
      async () => {
        const result = await fuzzOperation(t, world, op, options);
        requests += result.requests;
        const report = result.failures.map((f) => describeFailure(f, options)).join('\n');
        if (report) console.log(report);
        expect(result.failures.map((f) => `${f.caller} ${f.kind}: ${f.reason}`)).toEqual([]);
      },
      30_000 * options.runs,
    );
  }
});
