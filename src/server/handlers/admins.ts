// Admins (§3.1): appointment by the group creator (filed with the leader), and the change an admin
// applies for and the leader decides.
import { fail, type ActionInput, type CaseView, type Result } from '../../contract';
import { openAdminChange, type AdminChangeCase } from '../../core/kinds/admin-change';
import { openAdminFiling } from '../../core/kinds/admin-filing';
import { rolesIn, type HandlerCtx } from '../context';
import { checkText } from '../content';
import { insertNext, memberSeries } from '../cases/commit';
import { currentSettings } from '../reads/settings';
import { canSeeCase } from '../reads/views';
import { caseView, fileCase, stepCase } from './case-step';
import { loadGroupContext, type GroupContext } from '../reads/group-context';

/** An active, bound or not, non-external member of the group. */
function eligible(gc: GroupContext, personId: string) {
  // A guest (临时外部人员) has a member's membership while in the group but may never manage it.
  return gc.roster.find((r) => r.person._id === personId && r.person.status === 'active' && !r.person.external && r.membership.roles.includes('member')) ?? null;
}

export async function adminsAppoint(ctx: HandlerCtx, input: ActionInput<'admins.appoint'>): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const gc = await loadGroupContext(store, input.groupId);
  if (!gc) return fail('NOT_FOUND');
  if (gc.group.creatorId !== actor.person._id && !actor.isOwner) return fail('FORBIDDEN', '只有群创建者可以指定管理员');
  const entry = eligible(gc, input.personId);
  if (!entry) return fail('NOT_ELIGIBLE');
  if (entry.membership.roles.includes('admin')) return fail('BAD_INPUT', `${entry.person.name} 已是该群管理员`);
  // The role is granted by the filing's effect, applied with its notices (retried if this crashes).
  const settings = await currentSettings(store);
  const c = openAdminFiling({
    id: `af_${ctx.deps.ids().replace(/-/g, '')}`,
    groupId: gc.group._id,
    subjectId: entry.person._id,
    openedBy: actor.person._id,
    leaders: gc.leaders,
    data: { groupName: gc.group.name, subjectName: entry.person.name, how: 'appointed', byName: actor.person.name },
    settingsVersion: settings.version,
    now,
  });
  return fileCase(ctx, c);
}

export async function adminsApplyChange(ctx: HandlerCtx, input: ActionInput<'admins.applyChange'>): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;
  if (!rolesIn(actor, input.groupId).includes('admin')) return fail('FORBIDDEN', '只有该群的现任管理员可以申请变更');
  const [gc, past] = await Promise.all([loadGroupContext(store, input.groupId), store.listCasesAbout('admin_change', input.groupId, me, 0)]);
  // A retried request finds its case among this admin's requests in the group, decided or not.
  const retried = past.find((c) => c.data.requestId === input.requestId);
  if (retried) return caseView(ctx, retried);
  if (!gc) return fail('NOT_FOUND');
  const reason = input.reason.trim();
  if (!reason) return fail('REASON_REQUIRED', '请填写变更理由');
  if (input.successorId === me) return fail('BAD_INPUT', '接任人不能是你自己');
  const successor = eligible(gc, input.successorId);
  if (!successor) return fail('NOT_ELIGIBLE', '接任人必须是该群的在册成员');
  const duplicate = () => fail('DUPLICATE_OPEN_CASE', '你在该群已有一个待审批的管理员变更申请');
  if (past.some((c) => c.open)) return duplicate();
  if (!gc.leaders.length) return fail('BAD_INPUT', '该群没有上级领导，无法审批变更，请联系系统管理员');
  const refused = await checkText(ctx, [reason]);
  if (refused) return refused;
  const settings = await currentSettings(store);
  const filed = await insertNext(
    ctx.deps,
    past,
    // At most one open per admin and group: two requests filed at once compete for one id.
    memberSeries('ac', gc.group._id, me),
    (id) =>
      openAdminChange({
        id,
        groupId: gc.group._id,
        applicantId: me,
        leaders: gc.leaders,
        data: { groupName: gc.group.name, subjectName: actor.person.name, successorId: successor.person._id, successorName: successor.person.name, reason, requestId: input.requestId },
        settingsVersion: settings.version,
        now,
        settings: settings.values,
      }),
    (c) => c.data.requestId === input.requestId,
  );
  if (filed === 'open') return duplicate();
  if (filed === 'busy') return fail('CONFLICT');
  return canSeeCase(actor, filed) ? caseView(ctx, filed) : fail('NOT_FOUND');
}

export async function adminsDecideChange(ctx: HandlerCtx, input: ActionInput<'admins.decideChange'>): Promise<Result<CaseView>> {
  const reason = input.reason?.trim() ?? '';
  const refused = await checkText(ctx, [reason || undefined]);
  if (refused) return refused;
  return stepCase(
    ctx,
    input.caseId,
    ['admin_change'],
    (c, { group }) => {
      const d = (c as AdminChangeCase).data;
      // Takes effect only now, so check now: the successor is still a member, and the group keeps an admin.
      if (input.approve && group && !eligible(group, d.successorId)) {
        const others = group.admins.filter((a) => a !== c.subjectId);
        return others.length
          ? fail('NOT_ELIGIBLE', `接任人 ${d.successorName} 已不是该群的在册成员，不能批准`)
          : fail('LAST_ADMIN', `接任人 ${d.successorName} 已不在群中，批准后该群将没有管理员，请驳回并重新申请`);
      }
      return input.approve ? { type: 'approve', note: reason || undefined } : { type: 'reject', reason };
    },
    { group: true },
  );
}
