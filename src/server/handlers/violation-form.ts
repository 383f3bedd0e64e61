// What the admin's violation form needs: the group's members, the categories, and the ladder's proposal.
import { fail, ok, type ActionInput, type Result, type ViolationForm } from '../../contract';
import { rolesIn, type HandlerCtx } from '../context';
import { currentSettings } from '../reads/settings';
import { loadGroupContext } from '../reads/group-context';
import { proposalFor } from './violation-ladder';

export async function violationForm(ctx: HandlerCtx, input: ActionInput<'violation.form'>): Promise<Result<ViolationForm>> {
  const { store } = ctx.deps;
  const me = ctx.actor.person._id;
  if (!rolesIn(ctx.actor, input.groupId).includes('admin')) return fail('FORBIDDEN', '只有本群管理员可以处理违规');
  const [gc, settings] = await Promise.all([loadGroupContext(store, input.groupId), currentSettings(store)]);
  if (!gc) return fail('NOT_FOUND');
  const members = gc.roster
    .filter((r) => r.membership.roles.includes('member') && r.person.status === 'active' && r.person._id !== me)
    .map((r) => ({ id: r.person._id, name: r.membership.nickname && r.membership.nickname !== r.person.name ? `${r.person.name}（${r.membership.nickname}）` : r.person.name }));
  let proposal: ViolationForm['proposal'] = null;
  if (input.subjectId && input.severity) {
    if (!members.some((m) => m.id === input.subjectId)) return fail('NOT_MEMBER', '该成员不在本群');
    proposal = await proposalFor(store, input.groupId, input.subjectId, input.severity, settings.values, ctx.now);
  }
  return ok({
    group: { id: gc.group._id, name: gc.group.name },
    members,
    categories: settings.values.violation.categories,
    proposal,
    appealDays: settings.values.violation.appealDays,
  });
}
