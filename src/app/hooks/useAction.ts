// One button's call: busy while it runs, its refusal kept for the page to show.
import { useRef, useState } from 'react';
import type { Failure, Result } from '../../contract';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const inFlight = useRef(false);
  async function run<T>(fn: () => Promise<Result<T>>): Promise<T | null> {
    if (inFlight.current) return null;
    inFlight.current = true;
    setBusy(true);
    setFailure(null);
    const r = await fn();
    inFlight.current = false;
    setBusy(false);
    if (!r.ok) {
      setFailure(r);
      return null;
    }
    return r.data;
  }
  return { busy, failure, setFailure, run };
}
