// External guests (§2.1): a member asks, the department head or the group's leader approves, an admin
// adds and confirms; at the end date the scheduler turns the case into a removal for the admins.
import { fail, type ActionInput, type CaseView, type Result } from '../../contract';
import { openGuest } from '../../core/kinds/guest';
import { shanghaiDate } from '../../core/time';
import { rolesIn, type HandlerCtx } from '../context';
import { checkText } from '../content';
import { requestKey } from '../cases/ids';
import { currentSettings } from '../reads/settings';
import { fileCase, stepCase } from './case-step';
import { loadGroupContext } from '../reads/group-context';

const DAY = 86_400_000;

export async function guestsRequest(ctx: HandlerCtx, input: ActionInput<'guests.request'>): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;
  const id = requestKey('gu', me, input.requestId);
  // No read for a retried request: its insert finds the case filed the first time, and that is the answer.
  if (!rolesIn(actor, input.groupId).includes('member')) return fail('NOT_MEMBER');
  const gc = await loadGroupContext(store, input.groupId);
  if (!gc) return fail('NOT_FOUND');
  const settings = await currentSettings(store);
  const today = shanghaiDate(now);
  const latest = shanghaiDate(now + settings.values.membership.guestMaxDays * DAY);
  if (Number.isNaN(Date.parse(input.endDate)) || input.endDate < today || input.endDate > latest) {
    return fail('DATE_INVALID', `结束日期须在 ${today} 到 ${latest} 之间（最长 ${settings.values.membership.guestMaxDays} 天）`);
  }
  const reason = input.reason.trim();
  if (!reason) return fail('REASON_REQUIRED', '请填写外部人员入群的理由');
  const refused = await checkText(ctx, [input.name, input.organisation, reason]);
  if (refused) return refused;
  const head = gc.departments.get(gc.group.deptId)?.headId ?? null;
  const approvers = [...new Set([...(head ? [head] : []), ...gc.leaders])].filter((p) => p !== me);
  if (!approvers.length) return fail('BAD_INPUT', '该群没有可以审批的部门负责人或上级领导');
  const c = openGuest({
    id,
    groupId: gc.group._id,
    requesterId: me,
    data: {
      groupName: gc.group.name,
      subjectName: actor.person.name,
      guestName: input.name.trim(),
      organisation: input.organisation.trim(),
      reason,
      endDate: input.endDate,
      approvers,
      guestPersonId: `px_${id}`,
      requestId: input.requestId,
    },
    settingsVersion: settings.version,
    now,
    settings: settings.values,
  });
  return fileCase(ctx, c);
}

export async function guestsDecide(ctx: HandlerCtx, input: ActionInput<'guests.decide'>): Promise<Result<CaseView>> {
  const reason = input.reason?.trim() ?? '';
  const refused = await checkText(ctx, [reason || undefined]);
  if (refused) return refused;
  return stepCase(ctx, input.caseId, ['guest'], input.approve ? { type: 'approve', note: reason || undefined } : { type: 'reject', reason });
}
