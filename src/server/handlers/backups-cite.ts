// 注明出处 (§6.2): the citation of a backup, for members of its group, its admins and leaders.
import { fail, ok, type ActionInput, type Result } from '../../contract';
import { citationOf } from '../../core/backups';
import { rolesIn, type HandlerCtx } from '../context';

export async function backupsCite(ctx: HandlerCtx, input: ActionInput<'backups.cite'>): Promise<Result<{ citation: string }>> {
  const { store } = ctx.deps;
  const b = await store.getBackup(input.backupId);
  if (!b || rolesIn(ctx.actor, b.groupId).length === 0) return fail('NOT_FOUND');
  const [group] = await store.getGroups([b.groupId]);
  if (!group) return fail('NOT_FOUND');
  return ok({ citation: citationOf(b, group.name) });
}
