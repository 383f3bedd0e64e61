// Notice reminders (§3.2 确保群成员能够及时收到): at 10:00 on working days until the deadline, those
// who still owe an acknowledgement are reminded (in-app always, pushed where they hold a grant); at
// the deadline the publisher and the groups' admins get the final count. A round over a large group
// goes in chunks, each saved as it is done, so a run that stops at its time limit resumes there.
import type { NoticeEntry } from '../../core/model';
import type { NoticeDoc } from '../../core/model';
import { nextWake, stillOwes } from '../../core/notices';
import { formatShanghai } from '../../core/time';
import { deliver } from '../cases/outbox';
import { dispatchNoticeOutbox } from '../handlers/notices-media';
import type { Deps } from '../ports';
import { NOTICE_PAGE } from '../reads/notice-views';
import { currentSettings } from '../reads/settings';
import { UNLIMITED, type Budget } from './budget';

/** People reminded per saved step: on the cloud a delivery is a few requests, so ~100 fit in seconds. */
export const REMINDER_CHUNK = 100;
const BATCH = 20;
/**
 * How long after the deadline a notice stays on the 首页 of those who still owe it. Late
 * acknowledgements are taken after that too (from the notice itself); it only stops being listed,
 * so a member's list is bounded by recent notices rather than by everything they ever received.
 */
export const LISTED_AFTER_DEADLINE_MS = 30 * 86_400_000;

export interface NoticeRunReport {
  reminded: number;
  finals: number;
  /** Stopped at the time limit with work left for the next run. */
  unfinished: boolean;
}

/** Who still owes `n`, in `owed` order: owed at publish, still in a group they owed it in, not acknowledged. */
async function stillOwing(deps: Deps, n: NoticeDoc): Promise<{ pending: Set<string>; owed: number; acked: number; admins: string[] }> {
  const r = await deps.store.getNoticeReceipts(n._id);
  const active = new Set((r?.roster ?? []).filter((e) => e.person.status === 'active').map((e) => `${e.membership.groupId}:${e.person._id}`));
  const acked = new Set((r?.acks ?? []).map((a) => a.personId));
  const owing = n.owed.filter((p) => stillOwes(n, p, (groupId) => active.has(`${groupId}:${p}`)));
  const admins = (r?.roster ?? []).filter((e) => e.membership.roles.includes('admin')).map((e) => e.person._id);
  return { pending: new Set(owing.filter((p) => !acked.has(p))), owed: owing.length, acked: owing.filter((p) => acked.has(p)).length, admins };
}

const entry = (n: NoticeDoc, id: string, to: string, title: string, body: string, now: number): NoticeEntry => ({
  id,
  to,
  purpose: 'reminder',
  title,
  body,
  page: `${NOTICE_PAGE}?id=${n._id}`,
  createdAt: now,
});

export async function runNoticeReminders(deps: Deps, now = deps.clock.now(), budget: Budget = UNLIMITED): Promise<NoticeRunReport> {
  const report: NoticeRunReport = { reminded: 0, finals: 0, unfinished: false };
  const settings = (await currentSettings(deps.store)).values;
  for (const listed of await deps.store.listDueNotices(now, BATCH)) {
    if (budget.expired()) {
      report.unfinished = true;
      break;
    }
    try {
      let n = listed;
      if (n.outbox) {
        // Publishing stopped before its outbox was done: do it now; the notice's own wake follows.
        n = await dispatchNoticeOutbox(deps, n);
        if (n.outbox || n.wakeAt === null || n.wakeAt > now) continue;
      }
      const save = async (next: NoticeDoc) => {
        const saved = await deps.store.updateNotice(next, n.version);
        if (saved) n = { ...next, version: n.version + 1 };
        return saved;
      };
      if (!n.open) {
        await save({ ...n, wakeAt: null, cursor: null, updatedAt: now });
        continue;
      }
      if (n.finalSent) {
        // A month past the deadline: off the to-acknowledge lists, nothing more timed.
        await save({ ...n, open: false, wakeAt: null, cursor: null, updatedAt: now });
        continue;
      }
      if (now >= n.ackDueAt) {
        // The final count, once: to the publisher and the groups' admins (read off the roster).
        const { owed, acked, admins } = await stillOwing(deps, n);
        // Marked first: a crash after it loses a count, never sends one twice (each delivery is idempotent anyway).
        if (!(await save({ ...n, finalSent: true, wakeAt: n.ackDueAt + LISTED_AFTER_DEADLINE_MS, cursor: null, updatedAt: now }))) continue;
        for (const to of [...new Set([n.publisherId, ...admins])]) {
          await deliver(deps, null, entry(n, `${n._id}.final.${to}`, to, '通知确认截止', `《${n.title}》已确认 ${acked} / ${owed} 人`, now));
        }
        report.finals++;
        continue;
      }
      // A round of reminders, chunk by chunk, each chunk saved before the next.
      const round = n.reminders + 1;
      for (;;) {
        const start = n.cursor ?? 0;
        const chunk = n.owed.slice(start, start + REMINDER_CHUNK);
        // Read again for every chunk: whoever acknowledged meanwhile gets no reminder (nor loses a grant).
        const { pending } = await stillOwing(deps, n);
        for (const to of chunk) {
          if (!pending.has(to)) continue;
          await deliver(deps, null, entry(n, `${n._id}.r${round}.${to}`, to, '请确认通知', `《${n.title}》请于 ${formatShanghai(n.ackDueAt, 'M月D日 HH:mm')} 前确认已读`, now));
          report.reminded++;
        }
        const done = start + REMINDER_CHUNK >= n.owed.length;
        const next: NoticeDoc = done
          ? { ...n, reminders: round, cursor: null, wakeAt: nextWake(now, n.ackDueAt, round, settings), updatedAt: now }
          : { ...n, cursor: start + REMINDER_CHUNK, updatedAt: now };
        // Withdrawn or moved on by another run meanwhile: that run carries on.
        if (!(await save(next)) || done) break;
        if (budget.expired()) {
          report.unfinished = true;
          break;
        }
      }
    } catch (err) {
      console.error('notice reminders failed', listed._id, err);
    }
  }
  return report;
}
