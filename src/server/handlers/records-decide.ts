// approve (with an expiry) / reject / withdraw / revoke: one path through the pure machine and the
// versioned save. Approval grants exactly the backups whose period overlaps the requested range.
import { fail, ok, type ActionInput, type CaseView, type Failure, type Result } from '../../contract';
import { overlapping } from '../../core/backups';
import type { BackupDoc } from '../../core/model';
import { decideRecordAccess, grantedFile, grantExpiry, type RecordAccessCase, type RecordAccessCommand } from '../../core/record-access';
import { checkText } from '../content';
import { rolesIn, type HandlerCtx } from '../context';
import { decideLoadedAndSave } from '../cases/commit';
import { settingsAt } from '../reads/settings';
import { canSeeCase, toCaseViews } from '../reads/views';

type Command = RecordAccessCommand | { type: 'approveDays'; days: number; note?: string };

async function decide(ctx: HandlerCtx, caseId: string, cmd: Command): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  // Only an approval grants backups: it reads the group's with the case, in one round trip a try.
  const load = (id: string) =>
    cmd.type === 'approveDays' ? store.getCaseWithGroupBackups(id) : store.getCase(id).then((c) => c && { case: c, backups: [] as BackupDoc[] });
  const saved = await decideLoadedAndSave(
    ctx.deps,
    caseId,
    load,
    async ({ case: c, backups }) => {
      if (c.kind !== 'record_access') return { ok: false, code: 'NOT_FOUND' };
      const settings = (await settingsAt(store, c.settingsVersion)).values;
      let command: RecordAccessCommand;
      if (cmd.type === 'approveDays') {
        const expiresAt = grantExpiry(now, cmd.days, settings.access);
        if (expiresAt === null) return { ok: false, code: 'EXPIRY_INVALID', message: `有效期最长 ${settings.access.maxDays} 天，请重新选择` };
        const range = { from: String(c.data.from), to: String(c.data.to) };
        const granted = overlapping(backups, range);
        command = { type: 'approve', expiresAt, backupIds: granted.map((b) => b._id), files: granted.map(grantedFile), ...(cmd.note ? { note: cmd.note } : {}) };
      } else command = cmd;
      return decideRecordAccess(
        c as RecordAccessCase,
        command,
        { id: actor.person._id, rolesInGroup: rolesIn(actor, c.groupId) },
        { now, settings, admins: [], leaders: [] },
      );
    },
    (c) => canSeeCase(actor, c),
  );
  if (isFailure(saved)) return saved;
  return ok((await toCaseViews(store, actor, [saved], true, { now: ctx.now }))[0]);
}

function isFailure(x: unknown): x is Failure {
  return typeof x === 'object' && x !== null && (x as Failure).ok === false;
}

export async function recordsApprove(ctx: HandlerCtx, input: ActionInput<'records.approve'>) {
  const note = input.note?.trim() || undefined;
  const refused = await checkText(ctx, [note]);
  if (refused) return refused;
  return decide(ctx, input.caseId, { type: 'approveDays', days: input.days, note });
}

export async function recordsReject(ctx: HandlerCtx, input: ActionInput<'records.reject'>) {
  const reason = input.reason.trim();
  if (!reason) return fail('REASON_REQUIRED', '驳回时请填写理由');
  const refused = await checkText(ctx, [reason]);
  if (refused) return refused;
  return decide(ctx, input.caseId, { type: 'reject', reason });
}

export async function recordsWithdraw(ctx: HandlerCtx, input: ActionInput<'records.withdraw'>) {
  return decide(ctx, input.caseId, { type: 'withdraw' });
}

export async function recordsRevoke(ctx: HandlerCtx, input: ActionInput<'records.revoke'>) {
  const reason = input.reason?.trim() || undefined;
  const refused = await checkText(ctx, [reason]);
  if (refused) return refused;
  return decide(ctx, input.caseId, { type: 'revoke', reason });
}

