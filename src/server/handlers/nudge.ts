// 催办: whoever asked (or the subject) reminds the people an open step waits on, and their active
// delegates, at most once every settings.approval.nudgeHours (core/engine.ts nudge).
import { CASE_KIND_LABELS, fail, ok, type ActionInput, type NudgeResult, type PersonRef, type Result } from '../../contract';
import { audience, delegatesFor, nextNudgeAt, nudge } from '../../core/engine';
import { kindOf } from '../../core/kinds';
import { formatShanghai } from '../../core/time';
import { kinds, maskedFromSomeone } from '../cases/kinds';
import type { Case, DelegationDoc } from '../../core/model';
import type { HandlerCtx } from '../context';
import { currentSettings } from '../reads/settings';
import { stepCaseWith } from './case-step';

export async function casesNudge(ctx: HandlerCtx, input: ActionInput<'cases.nudge'>): Promise<Result<NudgeResult>> {
  const { store } = ctx.deps;
  const me = ctx.actor.person._id;
  // The interval is an operating rule, not a case's: the current settings, for every case.
  const nudgeHours = (await currentSettings(store)).values.approval.nudgeHours;
  let reached: PersonRef[] = [];
  const saved = await stepCaseWith<{ case: Case; delegations: DelegationDoc[] }>(
    ctx,
    input.caseId,
    (c, { loaded }, who, kctx) => {
    // The step waits on each assignee's active delegate too; their names come with the delegation.
    // (The caller's own delegate is not: the caller is not told, so neither is whoever stands in for them.)
    const delegations = delegatesFor(kindOf(c)) ? loaded.delegations.filter((d) => c.assignees.includes(d.delegatorId) && d.delegatorId !== me && d.from <= ctx.now && ctx.now < d.to) : [];
    const recipients = audience([...c.assignees, ...delegations.map((d) => d.delegateId)], me);
    const due = c.dueAt ? (c.dueAt < ctx.now ? `，已超过期限（${formatShanghai(c.dueAt, 'M月D日')}）` : `，期限 ${formatShanghai(c.dueAt, 'M月D日')}`) : '';
    // One message for every recipient: a sender some of them may not learn of (anonymous feedback) is not named.
    const tell = { title: `催办：${CASE_KIND_LABELS[c.kind]}`, body: `${maskedFromSomeone(c, me) ? '一位群成员' : ctx.actor.person.name} 催你尽快处理「${kinds[c.kind].title(c)}」${due}` };
    // The assignees are told here; their delegates get a copy beside each, worded 代…, by the outbox
    // (cases/delegate-notices.ts), as for every step that waits on someone.
    const d = nudge(kindOf(c), c, { recipients: audience(c.assignees, me), nudgeHours, note: `提醒 ${recipients.length} 人尽快处理`, tell }, who, kctx);
    const names = new Map(delegations.map((x) => [x.delegateId, x.delegateName]));
    reached = recipients.map((id) => ({ id, name: names.get(id) ?? '' }));
    return d;
    },
    // The case with its assignees' delegations, in one round trip a try.
    {
      load: async (id) => {
        const s = await store.getScreen(me, { case: id, delegations: true });
        return s.case ? { case: s.case, delegations: s.delegations ?? [] } : null;
      },
    },
  );
  if ('ok' in saved) return saved;
  // Assignee names from the directory (cached on a warm instance); delegates' came with their delegation.
  const unnamed = reached.filter((p) => !p.name).map((p) => p.id);
  const people = new Map((unnamed.length ? await store.getPeople(unnamed) : []).map((p) => [p._id, p.name]));
  const next = nextNudgeAt(saved, nudgeHours, ctx.now);
  if (next === null) return fail('INTERNAL');
  return ok({ caseId: saved._id, nudged: reached.map((p) => ({ id: p.id, name: p.name || people.get(p.id) || '（未知）' })), at: ctx.now, nextNudgeAt: next });
}
