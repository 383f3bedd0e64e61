// The audit verify routine: walk every case and check its history chain. An edited, inserted or
// deleted history entry breaks the chain, and the report names the case and the entry.
import { verifyHistory } from '../cases/audit';
import type { Store } from '../ports';

export interface AuditProblem {
  caseId: string;
  seq: number;
  problem: string;
}

export async function verifyAudit(store: Store, pageSize = 500): Promise<{ checked: number; problems: AuditProblem[] }> {
  const problems: AuditProblem[] = [];
  let checked = 0;
  for (let after: string | null = null; ; ) {
    const page = await store.listCasesAfter(after, pageSize);
    for (const c of page) {
      checked++;
      const r = verifyHistory(c);
      if (!r.ok) problems.push({ caseId: r.caseId, seq: r.seq, problem: r.problem });
    }
    if (page.length < pageSize) break;
    after = page[page.length - 1]._id;
  }
  return { checked, problems };
}
