// approve / reject / withdraw: one path through the pure machine and the versioned save.
import { fail, ok, type ActionInput, type CaseView, type Failure, type Result } from '../../contract';
import { decideRename, type RenameCase, type RenameCommand } from '../../core/rename';
import { rolesIn, type HandlerCtx } from '../context';
import { checkText } from '../content';
import { decideAndSave } from '../cases/commit';
import { settingsAt } from '../reads/settings';
import { canSeeCase, toCaseViews } from '../reads/views';

async function decide(ctx: HandlerCtx, caseId: string, cmd: RenameCommand): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const saved = await decideAndSave(
    ctx.deps,
    caseId,
    async (c) => {
      if (c.kind !== 'rename') return { ok: false, code: 'NOT_FOUND' };
      const settings = await settingsAt(store, c.settingsVersion);
      return decideRename(
        c as RenameCase,
        cmd,
        { id: actor.person._id, rolesInGroup: rolesIn(actor, c.groupId) },
        { now, settings: settings.values, admins: [], leaders: [] },
      );
    },
    (c) => canSeeCase(actor, c),
  );
  if (isFailure(saved)) return saved;
  return ok((await toCaseViews(store, actor, [saved], true, { now }))[0]);
}

function isFailure(x: unknown): x is Failure {
  return typeof x === 'object' && x !== null && (x as Failure).ok === false;
}

export async function renameApprove(ctx: HandlerCtx, input: ActionInput<'rename.approve'>) {
  const note = input.note?.trim() || undefined;
  const refused = await checkText(ctx, [note]);
  if (refused) return refused;
  return decide(ctx, input.caseId, { type: 'approve', note });
}

export async function renameReject(ctx: HandlerCtx, input: ActionInput<'rename.reject'>) {
  const reason = input.reason.trim();
  if (!reason) return fail('REASON_REQUIRED', '驳回时请填写理由');
  const refused = await checkText(ctx, [reason]);
  if (refused) return refused;
  return decide(ctx, input.caseId, { type: 'reject', reason });
}

export async function renameWithdraw(ctx: HandlerCtx, input: ActionInput<'rename.withdraw'>) {
  return decide(ctx, input.caseId, { type: 'withdraw' });
}
