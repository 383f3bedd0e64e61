// 批量处理: an admin decides several waiting cases from 待办 in one action. Each case goes through the
// one step pipeline on its own (its own read, version check and outbox), in turn, so one refusal
// never blocks the others; which kinds may be batched, and with which commands, is the kind table's
// `batch` (core/kinds), not a list here.
import { ok, STATE_LABELS, type ActionInput, type Failure, type BatchItemResult, type BatchResult, type Result } from '../../contract';
import { decide, refuse, type Command } from '../../core/engine';
import { kindOf } from '../../core/kinds';
import type { RecordAccessCase } from '../../core/kinds/record-access';
import type { BackupDoc, Case } from '../../core/model';
import { checkText } from '../content';
import type { HandlerCtx } from '../context';
import { stepCaseWith } from './case-step';
import { approveCommand } from './records-decide';

export async function inboxDecideMany(ctx: HandlerCtx, input: ActionInput<'inbox.decideMany'>): Promise<Result<BatchResult>> {
  const reason = input.reason?.trim() || undefined;
  // One reason for every rejection: checked once, before any case is decided.
  const refused = await checkText(ctx, [reason]);
  if (refused) return refused;
  const { store } = ctx.deps;
  const items: BatchItemResult[] = [];
  for (const caseId of [...new Set(input.caseIds)]) {
    const saved = await stepCaseWith<{ case: Case; backups: BackupDoc[] }>(
      ctx,
      caseId,
      (c, env, who, kctx) => {
        const spec = kindOf(c);
        const type = spec.batch ? (input.decision === 'approve' ? spec.batch.approve : spec.batch.reject) : undefined;
        if (!spec.batch) return refuse('BATCH_NOT_ALLOWED');
        if (!type) return refuse('BATCH_NOT_ALLOWED', '这类事项不能批量驳回，请逐项处理');
        let cmd: Command;
        if (c.kind === 'record_access' && type === 'approve') {
          // What a single approval grants, for the default period.
          const built = approveCommand(c as RecordAccessCase, env.loaded.backups, env.settings, ctx.now, undefined);
          if ((built as Failure).ok === false) return built as Failure;
          cmd = built as Command;
        } else {
          cmd = input.decision === 'reject' ? { type, reason } : { type };
        }
        return decide(spec, c, cmd, who, kctx);
      },
      // The group's backups come with the case (a record-access approval grants them): one read a case.
      { load: (id) => store.getCaseWithGroupBackups(id) },
    );
    items.push('ok' in saved ? { caseId, ok: false, code: saved.code, message: saved.message } : { caseId, ok: true, state: saved.state, stateLabel: STATE_LABELS[saved.state] ?? saved.state });
  }
  const decided = items.filter((i) => i.ok).length;
  return ok({ items, decided, failed: items.length - decided });
}
