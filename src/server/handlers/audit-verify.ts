// audit.verify (owner, from 系统设置): one page of the verify routine (jobs/audit.ts); the page calls
// again with `next` until it is null. One Store call per page: the page with every checkpoint.
import { ok, type ActionInput, type AuditReport, type Result } from '../../contract';
import type { HandlerCtx } from '../context';
import { verifyAuditPage } from '../jobs/audit';
import { checkpointView } from '../reads/audit';

export async function auditVerify(ctx: HandlerCtx, input: ActionInput<'audit.verify'>): Promise<Result<AuditReport>> {
  const page = await verifyAuditPage(ctx.deps.store, ctx.deps.audit, input.cursor ?? null, { now: ctx.now, fingerprint: input.fingerprint });
  const latest = page.checkpoints.latest;
  return ok({
    checked: page.checked,
    problems: page.problems,
    next: page.next,
    checkpoints: {
      count: page.checkpoints.count,
      latest: latest && checkpointView(latest),
    },
  });
}
