import { createHash } from 'node:crypto';
import { fail, ok, type ActionInput, type CaseView, type Result } from '../../contract';
import type { Case } from '../../core/model';
import { checkNickname } from '../../core/naming';
import { openRename } from '../../core/rename';
import { rolesIn, type HandlerCtx } from '../context';
import { checkText } from '../content';
import { insertNew } from '../save';
import { currentSettings } from '../settings';
import { canSeeCase, toCaseViews } from '../views';
import { loadGroupContext, namingSubject } from './group-context';

/** The same person retrying the same request id lands on the same case id. */
export function renameCaseId(personId: string, requestId: string): string {
  return `rn_${createHash('sha256').update(`${personId}\n${requestId}`).digest('hex').slice(0, 24)}`;
}

export async function renameSubmit(ctx: HandlerCtx, input: ActionInput<'rename.submit'>): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;
  const id = renameCaseId(me, input.requestId);

  const view = async (c: Case) => ok((await toCaseViews(store, actor, [c], true, { now }))[0]);

  if (!rolesIn(actor, input.groupId).includes('member')) return fail('NOT_MEMBER');
  const [gc, settings, open] = await Promise.all([
    loadGroupContext(store, input.groupId),
    currentSettings(store),
    store.listOpenCases('rename', input.groupId, me),
  ]);
  // A retried request finds its case among the open ones; one decided since then is found on insert.
  const retried = open.find((c) => c._id === id);
  if (retried) return view(retried);
  if (!gc) return fail('NOT_FOUND');
  const mine = gc.roster.find((r) => r.person._id === me);
  if (!mine) return fail('NOT_MEMBER');
  if (open.length) return fail('DUPLICATE_OPEN_REQUEST');

  const nickname = input.nickname.trim();
  const issues = checkNickname(nickname, namingSubject(mine, gc.departments), gc.members, settings.values.naming);
  if (issues.length) {
    return fail('NAME_INVALID', `群昵称不符合命名规范：${issues[0].message}`, issues.map((i) => ({ path: 'nickname', message: i.message })));
  }
  const note = input.note?.trim() || undefined;
  const refused = await checkText(ctx, [nickname, note]);
  if (refused) return refused;

  const c = openRename({
    id,
    groupId: gc.group._id,
    subjectId: me,
    nickname,
    previous: mine.membership.nickname,
    note,
    requestId: input.requestId,
    groupName: gc.group.name,
    subjectName: actor.person.name,
    settingsVersion: settings.version,
    ctx: { now, settings: settings.values, admins: gc.admins, leaders: gc.leaders },
  });
  const { case: saved } = await insertNew(ctx.deps, c);
  if (!canSeeCase(actor, saved)) return fail('NOT_FOUND');
  return view(saved);
}
