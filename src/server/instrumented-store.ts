// A Store that counts what it is asked: round trips per action for the bench, and proof that a
// refused request wrote nothing for the reliability suite.
import type { Store } from './ports';

const READ = /^(get|list)/;

export interface StoreCounts {
  reads: number;
  writes: number;
  byMethod: Record<string, number>;
}

export interface InstrumentedStore {
  store: Store;
  counts(): StoreCounts;
  reset(): void;
  /** Make the next call to `method` throw (a failing database), `times` times. */
  failNext(method: keyof Store, times?: number): void;
}

export function instrumentStore(inner: Store): InstrumentedStore {
  let counts: StoreCounts = { reads: 0, writes: 0, byMethod: {} };
  const failures = new Map<string, number>();
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        counts.byMethod[prop] = (counts.byMethod[prop] ?? 0) + 1;
        if (READ.test(prop)) counts.reads++;
        else counts.writes++;
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
    counts: () => ({ ...counts, byMethod: { ...counts.byMethod } }),
    reset: () => {
      counts = { reads: 0, writes: 0, byMethod: {} };
    },
    failNext: (method, times = 1) => failures.set(method, times),
  };
}
