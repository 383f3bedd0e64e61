// A member asks to read a group's chat records (§6.2): range, purpose and the pledge, or nothing.
import { ACCESS_PLEDGE, fail, type ActionInput, type CaseView, type Result } from '../../contract';
import { checkPeriod } from '../../core/backups';
import { openRecordAccess } from '../../core/kinds/record-access';
import { shanghaiDate } from '../../core/time';
import { checkText } from '../content';
import { rolesIn, type HandlerCtx } from '../context';
import { requestKey } from '../cases/ids';
import { currentSettings } from '../reads/settings';
import { fileCase } from './case-step';
import { loadGroupContext } from '../reads/group-context';

export function recordAccessCaseId(personId: string, requestId: string): string {
  return requestKey('ra', personId, requestId);
}

export async function recordsRequest(ctx: HandlerCtx, input: ActionInput<'records.request'>): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;
  const id = recordAccessCaseId(me, input.requestId);

  // No read for a retried request: its insert finds the case filed the first time, and that is the answer.

  if (!rolesIn(actor, input.groupId).includes('member')) return fail('NOT_MEMBER');
  if (!input.pledge) return fail('PLEDGE_REQUIRED');
  const bad = checkPeriod(input, shanghaiDate(now));
  if (bad) return fail(bad.code, bad.message.replace('结束日期不能晚于今天', '查阅范围不能晚于今天'));
  const purpose = input.purpose.trim();
  if (!purpose) return fail('REASON_REQUIRED', '请填写查阅目的');
  const refused = await checkText(ctx, [purpose]);
  if (refused) return refused;

  const [gc, settings] = await Promise.all([loadGroupContext(store, input.groupId), currentSettings(store)]);
  if (!gc) return fail('NOT_FOUND');
  const c = openRecordAccess({
    id,
    groupId: gc.group._id,
    subjectId: me,
    from: input.from,
    to: input.to,
    purpose,
    pledge: ACCESS_PLEDGE,
    requestId: input.requestId,
    groupName: gc.group.name,
    subjectName: actor.person.name,
    settingsVersion: settings.version,
    ctx: { now, settings: settings.values, admins: gc.admins, leaders: gc.leaders },
  });
  return fileCase(ctx, c);
}
