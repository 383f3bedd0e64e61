// ≥ 10,000 malformed payloads across every action: each answer is a closed error code with a
// Chinese sentence — never a crash, never a store call, never a write.
import fc from 'fast-check';
import { ACTION_NAMES, actions, ERROR_CODES, type ActionName } from '../../src/contract';
import { dispatch } from '../../src/server/dispatch';
import { instrumentStore } from '../support/instrumented-store';
import { demoOpenid } from '../../src/server/host/seed';
import { makeWorld, type World } from '../server/harness';
import { samples } from './samples';

const RUNS_PER_PROPERTY = 5_000;
let w: World;
let probe: ReturnType<typeof instrumentStore>;
let answered = 0;

beforeAll(async () => {
  w = await makeWorld();
  probe = instrumentStore(w.store);
  w.deps.store = probe.store;
});
afterAll(() => {
  console.log(`bad-input suite: ${answered} malformed payloads answered with closed codes`);
});

const nasty = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.string(),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.constant({ $ne: null }),
  fc.constant({ $gt: '' }),
  fc.constant({ $regex: '.*' }),
  fc.constant('x'.repeat(100_000)),
  fc.constant('很'.repeat(5_000)),
  fc.string().map((s) => `${s}\u0000\u0007${s}`),
  fc.constant(JSON.parse('{"__proto__":{"isAdmin":true}}')),
  fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }),
);
const nastyKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', 'openid', 'OPENID', 'userInfo', 'actor'), fc.string({ minLength: 1, maxLength: 20 }));

/** A sample input bent out of shape: a key dropped, replaced, or added. */
function malformed(action: ActionName) {
  const base = samples[action] as Record<string, unknown>;
  const keys = Object.keys(base);
  const variants = [
    fc.record({ key: nastyKey, value: nasty }).map(({ key, value }) => {
      const o = { ...base };
      Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
      return o;
    }),
    nasty,
  ];
  if (keys.length) {
    variants.push(fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(base).filter(([key]) => key !== k))));
    variants.push(fc.record({ k: fc.constantFrom(...keys), value: nasty }).map(({ k, value }) => ({ ...base, [k]: value })));
  }
  // A missing `data` is read as {}, as the dispatcher does.
  return fc.oneof(...variants).filter((data) => !actions[action].input.safeParse(data === undefined ? {} : data).success);
}

async function expectRefusedWithoutTouchingTheStore(event: unknown, openid: string | null) {
  probe.reset();
  const r = await dispatch(w.deps, event, openid);
  answered++;
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(ERROR_CODES).toContain(r.code);
  expect(['BAD_INPUT', 'UNKNOWN_ACTION']).toContain(r.code);
  expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(probe.counts().writes).toBe(0);
  expect(probe.counts().reads).toBe(0);
}

it('should have a sample for every action in the contract', () => {
  expect(Object.keys(samples).sort()).toEqual([...ACTION_NAMES].sort());
  for (const a of ACTION_NAMES) expect(actions[a].input.safeParse(samples[a]).success).toBe(true);
});

it('should refuse malformed data for every action with a closed code and no store call', async () => {
  const actors = fc.constantFrom(demoOpenid('p_huanglei'), demoOpenid('p_liuyang'), demoOpenid('p_zhaomin'), null, 'o_stranger');
  const payload = fc.constantFrom(...ACTION_NAMES).chain((action) => fc.tuple(fc.constant(action), malformed(action), actors));
  await fc.assert(
    fc.asyncProperty(payload, async ([action, data, openid]) => {
      await expectRefusedWithoutTouchingTheStore({ action, data }, openid);
    }),
    { numRuns: RUNS_PER_PROPERTY },
  );
});

it('should refuse malformed envelopes: missing, unknown or prototype action names, non-object events', async () => {
  const badAction = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'rename', 'rename.submit ', 'RENAME.SUBMIT'),
    fc.string().filter((s) => !(ACTION_NAMES as string[]).includes(s)),
    nasty.filter((v) => typeof v !== 'string'),
  );
  const envelope = fc.oneof(
    badAction.map((action) => ({ action, data: {} })),
    nasty.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
    fc.record({ action: fc.constantFrom(...ACTION_NAMES), data: nasty.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v) || Object.keys(v as object).length > 0) })
      .filter(({ action, data }) => !actions[action].input.safeParse(data === undefined ? {} : data).success),
  );
  await fc.assert(
    fc.asyncProperty(envelope, async (event) => {
      await expectRefusedWithoutTouchingTheStore(event, demoOpenid('p_liuyang'));
    }),
    { numRuns: RUNS_PER_PROPERTY },
  );
});
