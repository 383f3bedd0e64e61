// 代理 reaches the messages too: a notice that a step now waits on A (a new task, an overdue reminder, a
// nudge, an escalation that assigns A) also goes to A's active delegate, as "代周杰：…", on the same
// template. Worked out when the outbox is delivered, not written with the step: the step's action keeps
// its round trips (the delegations are read here, once per dispatch, only when such a notice is due),
// and every way a step is saved — handlers, the scheduler's sweeps, effects — gets it alike.
import type { TemplatePurpose } from '../../contract';
import { delegatesFor } from '../../core/engine';
import { kindOf } from '../../core/kinds';
import type { Case, DelegationDoc, NoticeEntry } from '../../core/model';
import type { Store } from '../ports';

/** The purposes that tell a person a step waits on them (not a decision's outcome). */
const WAITING: ReadonlySet<TemplatePurpose> = new Set<TemplatePurpose>(['newTask', 'reminder', 'escalation']);

/** A delegator's name as the copy's title starts with it; the title is a `thing` keyword (≤ 20 characters). */
const NAME_MAX = 6;

/** The step a notice was queued by: its id is `${caseId}.${seq}.${i}` (engine noticeId). */
const stepOf = (id: string) => id.slice(0, id.lastIndexOf('.'));

const holds = (d: DelegationDoc, t: number) => d.from <= t && t < d.to;

/** Whether a notice may owe a copy to a delegate (and so waits for the delegations to be read). */
export const mayOweCopy = (c: Case, e: NoticeEntry) => c.open && WAITING.has(e.purpose) && c.assignees.includes(e.to) && delegatesFor(kindOf(c));

/** The copy's title: whom the delegate stands in for, then the original title. */
export function onBehalfTitle(delegatorName: string, title: string): string {
  const chars = [...delegatorName];
  const name = chars.length <= NAME_MAX ? delegatorName : `${chars.slice(0, NAME_MAX - 1).join('')}…`;
  return `代${name}：${title}`;
}

/**
 * The copies owed to delegates, by the id of the notice each stands beside. A copy is owed when the
 * notice tells an assignee A that the case waits on them, the kind lets a delegate act (not an
 * emergency's task), and A's delegation held when the step was taken and still holds now. None to a
 * delegate the step already waits on in their own right, who took the step, or whom the same step
 * tells anyway. One copy per step and delegate (its id says so), however many assignees they stand in for.
 */
export async function delegateCopies(store: Store, c: Case, notices: NoticeEntry[], now: number): Promise<Map<string, NoticeEntry>> {
  const out = new Map<string, NoticeEntry>();
  const owing = notices.filter((e) => mayOweCopy(c, e));
  if (!owing.length) return out;
  const delegations = await store.getDelegations([...new Set(owing.map((e) => e.to))]);
  const active = new Map(delegations.filter((d) => holds(d, now)).map((d) => [d.delegatorId, d]));
  for (const e of owing) {
    const d = active.get(e.to);
    if (!d || !holds(d, e.createdAt)) continue;
    const step = stepOf(e.id);
    const seq = Number(step.slice(step.lastIndexOf('.') + 1));
    const to = d.delegateId;
    if (c.assignees.includes(to) || c.history.find((h) => h.seq === seq)?.by === to) continue;
    if (notices.some((n) => n.to === to && stepOf(n.id) === step)) continue;
    out.set(e.id, { ...e, id: `${step}.d.${to}`, to, title: onBehalfTitle(d.delegatorName, e.title) });
  }
  return out;
}
