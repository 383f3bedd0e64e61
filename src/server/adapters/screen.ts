// Store.getScreen for both adapters: the list methods a screen needs, started at once (on WeChat,
// concurrent requests: one round of latency, as getAuditPage's two requests are); the delegations of
// the cases read, when asked, right after them.
import type { Case } from '../../core/model';
import type { ScreenQuery, ScreenRecord, Store } from '../ports';

export async function readScreen(store: Store, personId: string, q: ScreenQuery): Promise<ScreenRecord> {
  const [grants, cases, unread, noticesToAck, open, inbox, kase] = await Promise.all([
    q.grants ? store.listGrants(personId) : undefined,
    q.cases ? store.listCasesOfPerson(personId, q.cases) : undefined,
    // A page of none: only the count is wanted.
    q.unread ? store.listNotifications(personId, { offset: 0, limit: 0 }, true).then((r) => r.unread) : undefined,
    q.noticesToAck ? store.listNoticesToAck(personId, q.noticesToAck) : undefined,
    q.open ? Promise.all(q.open.groupIds.map((g) => store.listOpenCases(q.open!.kind, g))).then((l) => l.flat()) : undefined,
    q.inbox ? store.listInbox(q.inbox.whose, q.inbox.page) : undefined,
    q.case !== undefined ? store.getCase(q.case) : undefined,
  ]);
  const out: ScreenRecord = {};
  if (grants) out.grants = grants;
  if (cases) out.cases = cases;
  if (unread !== undefined) out.unread = unread;
  if (noticesToAck) out.noticesToAck = noticesToAck;
  if (open) out.open = open;
  if (inbox) out.inbox = inbox;
  if (kase !== undefined) out.case = kase;
  if (q.delegations) {
    const read: Case[] = [...(inbox?.items ?? []), ...(kase ? [kase] : [])];
    const assignees = [...new Set(read.filter((c) => c.open).flatMap((c) => c.assignees))];
    out.delegations = assignees.length ? await store.getDelegations(assignees) : [];
  }
  return out;
}
