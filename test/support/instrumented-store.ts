// A Store that counts what it is asked: round trips per action for the bench, and proof that a
// refused request wrote nothing for the reliability suite.
import type { Store } from '../../src/server/ports';

const READ = /^(get|list)/;

export interface StoreCounts {
  reads: number;
  writes: number;
  byMethod: Record<string, number>;
  /** Calls per phase, when a `phase` function is given (e.g. 'outbox' for calls made while delivering). */
  byPhase: Record<string, { reads: number; writes: number; methods: string[] }>;
}

export interface InstrumentedStore {
  store: Store;
  counts(): StoreCounts;
  reset(): void;
  /** Make the next call to `method` throw (a failing database), `times` times. */
  failNext(method: keyof Store, times?: number): void;
}

/** `phase` names what the caller is doing at the moment of each call (the bench reads the stack). */
export function instrumentStore(inner: Store, phase?: () => string): InstrumentedStore {
  let counts: StoreCounts = { reads: 0, writes: 0, byMethod: {}, byPhase: {} };
  const failures = new Map<string, number>();
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        counts.byMethod[prop] = (counts.byMethod[prop] ?? 0) + 1;
        const read = READ.test(prop);
        if (read) counts.reads++;
        else counts.writes++;
        if (phase) {
          const p = (counts.byPhase[phase()] ??= { reads: 0, writes: 0, methods: [] });
          if (read) p.reads++;
          else p.writes++;
          p.methods.push(prop);
        }
        const left = failures.get(prop) ?? 0;
        if (left > 0) {
          failures.set(prop, left - 1);
          return Promise.reject(new Error(`injected failure in ${prop}`));
        }
        return value.apply(target, args);
      };
    },
  });
  return {
    store,
    counts: () => ({ ...counts, byMethod: { ...counts.byMethod }, byPhase: structuredClone(counts.byPhase) }),
    reset: () => {
      counts = { reads: 0, writes: 0, byMethod: {}, byPhase: {} };
    },
    failNext: (method, times = 1) => failures.set(method, times),
  };
}
