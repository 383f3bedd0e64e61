import { fail, ok, type ActionInput, type RenamePreview, type Result } from '../../contract';
import { canonicalNickname, namesakes } from '../../core/naming';
import { rolesIn, type HandlerCtx } from '../context';
import { currentSettings } from '../reads/settings';
import { loadGroupContext, namingSubject } from '../reads/group-context';

export async function renamePreview(ctx: HandlerCtx, input: ActionInput<'rename.preview'>): Promise<Result<RenamePreview>> {
  const { store } = ctx.deps;
  if (!rolesIn(ctx.actor, input.groupId).includes('member')) return fail('NOT_MEMBER');
  const [gc, settings, open] = await Promise.all([
    loadGroupContext(store, input.groupId),
    currentSettings(store),
    store.listOpenCases('rename', input.groupId, ctx.actor.person._id),
  ]);
  if (!gc) return fail('NOT_FOUND');
  const me = gc.roster.find((r) => r.person._id === ctx.actor.person._id);
  if (!me) return fail('NOT_MEMBER');
  const subject = namingSubject(me, gc.departments);
  const rule = settings.values.naming;
  const name = canonicalNickname(subject, gc.members, rule);
  return ok({
    group: { id: gc.group._id, name: gc.group.name },
    canonical: name.canonical,
    current: me.membership.nickname,
    compliant: me.membership.nickname === name.canonical,
    requiresSuffix: name.requiresSuffix,
    reasons: name.reasons,
    rule: { separator: rule.separator, maxLength: rule.maxLength },
    subject,
    namesakes: namesakes(subject, gc.members),
    openCaseId: open[0]?._id ?? null,
  });
}
