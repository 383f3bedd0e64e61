import { fail, type ActionInput, type CaseView, type Result } from '../../contract';
import { checkNickname } from '../../core/naming';
import { openRename } from '../../core/kinds/rename';
import { rolesIn, type HandlerCtx } from '../context';
import { checkText } from '../content';
import { insertNext, memberSeries } from '../cases/commit';
import { currentSettings } from '../reads/settings';
import { canSeeCase } from '../reads/views';
import { caseView } from './case-step';
import { loadGroupContext, namingSubject } from '../reads/group-context';

export async function renameSubmit(ctx: HandlerCtx, input: ActionInput<'rename.submit'>): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;


  if (!rolesIn(actor, input.groupId).includes('member')) return fail('NOT_MEMBER');
  const [gc, settings, past] = await Promise.all([
    loadGroupContext(store, input.groupId),
    currentSettings(store),
    store.listCasesAbout('rename', input.groupId, me, 0),
  ]);
  // A retried request finds its case among this member's requests in the group, decided or not.
  const retried = past.find((c) => c.data.requestId === input.requestId);
  if (retried) return caseView(ctx, retried);
  if (!gc) return fail('NOT_FOUND');
  const mine = gc.roster.find((r) => r.person._id === me);
  if (!mine) return fail('NOT_MEMBER');
  if (past.some((c) => c.open)) return fail('DUPLICATE_OPEN_REQUEST');

  const nickname = input.nickname.trim();
  const issues = checkNickname(nickname, namingSubject(mine, gc.departments), gc.members, settings.values.naming);
  if (issues.length) {
    return fail('NAME_INVALID', `群昵称不符合命名规范：${issues[0].message}`, issues.map((i) => ({ path: 'nickname', message: i.message })));
  }
  const note = input.note?.trim() || undefined;
  const refused = await checkText(ctx, [nickname, note]);
  if (refused) return refused;

  const filed = await insertNext(
    ctx.deps,
    past,
    // Two requests filed at once (two phones) compete for the same id: at most one is ever open.
    memberSeries('rn', gc.group._id, me),
    (id) =>
      openRename({
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
      }),
    (c) => c.data.requestId === input.requestId,
  );
  if (filed === 'open') return fail('DUPLICATE_OPEN_REQUEST');
  if (filed === 'busy') return fail('CONFLICT');
  return canSeeCase(actor, filed) ? caseView(ctx, filed) : fail('NOT_FOUND');
}
