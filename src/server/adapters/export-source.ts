// Store.getExportSource for both adapters: which people an export's cases name, so both stores
// return the same people with the same cases.
import type { Case } from '../../core/model';

/** The people a case names: its subject, who opened it, who acted in its history. */
export function peopleNamed(cases: Case[]): string[] {
  const ids = new Set<string>();
  for (const x of cases) {
    ids.add(x.subjectId);
    ids.add(x.openedBy);
    for (const h of x.history) if (h.by) ids.add(h.by);
  }
  return [...ids];
}
