// Notices (§3.2, §4), the pure rules: who may publish what where, the format, duplicates, who owes
// an acknowledgement and when the reminders go out. No I/O, no clock: `now` is an argument.
import { NOTICE_TITLE_MAX, type NoticeKind, type NoticeStats, type SettingsValues } from '../contract';
import { addWorkingDays, deadlineAfter, isWorkingDay } from './calendar';
import type { AckDoc, Department, Group, NoticeDoc, RosterEntry } from './model';
import { canonicalNickname, type NamingSubject } from './naming';
import { shanghaiDate } from './time';

// ── Publishing rights (§4.2, §4.3, §3.2) ──────────────────────────────────────────────────────────

export interface Publisher {
  personId: string;
  deptId: string;
  /** A designated publisher of important notices (people.setPublisher). */
  designated: boolean;
  /** Departments the person heads. */
  headOf: string[];
  /** Groups where the person is an active admin, member. */
  adminOf: string[];
  memberOf: string[];
}

export const NOTICE_RULES: Record<NoticeKind, string> = {
  important: '部门负责人或指定的发布人，可发往本单位的各群；群管理员可发往自己管理的群',
  crossDept: '牵头部门的负责人可发往各部门的群，项目群的创建人可发往自己创建的群；群管理员可发往自己管理的群',
  general: '本部门人员可发往本部门的群；群管理员可发往自己管理的群',
};

/** May `p` publish a notice of `kind` to `g`? */
export function mayPublishTo(p: Publisher, kind: NoticeKind, g: Group): boolean {
  // §3.2: an admin publishes what the group needs to know, of any kind, to the groups they run.
  if (p.adminOf.includes(g._id)) return true;
  switch (kind) {
    case 'important':
      // Company notices reach every group, in the name of the head's (or the publisher's) department.
      return p.headOf.length > 0 || p.designated;
    case 'crossDept':
      return p.headOf.length > 0 || (g.type === 'project' && g.creatorId === p.personId);
    case 'general':
      return g.deptId === p.deptId && p.deptId !== '';
  }
}

/** The groups (of `groups`) the publisher may send `kind` to. */
export function reachable(p: Publisher, kind: NoticeKind, groups: Group[]): Group[] {
  return groups.filter((g) => mayPublishTo(p, kind, g));
}

/** The department a notice is published in the name of: the one the publisher heads, else their own. */
export function publishingDept(p: Publisher, depts: Department[]): Department | null {
  const id = p.headOf.includes(p.deptId) || !p.headOf.length ? p.deptId : p.headOf[0];
  return depts.find((d) => d._id === id) ?? null;
}

// ── Format (§4.4) ─────────────────────────────────────────────────────────────────────────────────

export interface DraftAttachment {
  name: string;
  description: string;
}

/** Each thing wrong with the draft, one sentence each; empty when it may be published. */
export function formatProblems(d: { title: string; body: string; attachments: DraftAttachment[]; kind: NoticeKind; keyFact?: { choices: string[] } | null }, bodyMax: number): string[] {
  const out: string[] = [];
  const title = d.title.trim();
  if (!title) out.push('请填写标题');
  if ([...title].length > NOTICE_TITLE_MAX) out.push(`标题最多 ${NOTICE_TITLE_MAX} 个字`);
  if (/[\r\n]/.test(title)) out.push('标题不能换行');
  const body = d.body.trim();
  if (!body) out.push('请填写正文');
  if ([...body].length > bodyMax) out.push(`正文最多 ${bodyMax} 个字，当前 ${[...body].length} 个，请精简`);
  if (/\n[ \t\u3000]*\n[ \t\u3000]*\n/.test(body)) out.push('正文不要连续空行');
  if (decorated(title) || decorated(body)) out.push('标题和正文请用平实的文字，不要使用表情、符号堆砌等装饰');
  const names = new Set<string>();
  for (const a of d.attachments) {
    if (!a.name.trim() || !a.description.trim()) out.push('每个附件都要填写名称和简要说明');
    else if (names.has(a.name.trim())) out.push(`附件名称“${a.name.trim()}”重复了`);
    names.add(a.name.trim());
  }
  const missing = unmentioned(body, d.attachments);
  if (missing.length) out.push(`正文须注明附件名称和简要说明：${missing.map((a) => `《${a.name.trim()}》`).join('、')}`);
  if (d.keyFact) {
    if (d.kind !== 'important') out.push('只有重要通知可以要求确认要点');
    if (new Set(d.keyFact.choices.map((c) => c.trim())).size !== 3 || d.keyFact.choices.some((c) => !c.trim())) out.push('确认要点须有三个不同的选项');
  }
  return [...new Set(out)];
}

/** Emoji, or a run of three or more of the same symbol (★★★, ！！！, ====). */
export function decorated(text: string): boolean {
  return /\p{Extended_Pictographic}/u.test(text) || /([^\p{L}\p{N}\s])\1{2,}/u.test(text);
}

/** Attachments whose name the body does not mention (§4.4 在正文中注明附件名称和简要说明). */
export function unmentioned(body: string, attachments: DraftAttachment[]): DraftAttachment[] {
  return attachments.filter((a) => a.name.trim() && !body.includes(a.name.trim()));
}

/** The line the form offers to add for an attachment the body does not mention. */
export const attachmentLine = (a: DraftAttachment) => `附件：《${a.name.trim()}》（${a.description.trim()}）`;

// ── Duplicates (§4.1) ─────────────────────────────────────────────────────────────────────────────

/** Whitespace and punctuation dropped, full-width forms folded (NFKC), case folded. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** The text a duplicate is judged on: title and body together. */
export const noticeText = (title: string, body: string) => normalise(`${title}\n${body}`);

function trigrams(s: string): Set<string> {
  const chars = [...s];
  const out = new Set<string>();
  if (chars.length < 3) {
    if (chars.length) out.add(chars.join(''));
    return out;
  }
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return out;
}

/** Dice similarity of two normalised texts over character trigrams, 0..1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (!ta.size || !tb.size) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return (2 * shared) / (ta.size + tb.size);
}

export interface DuplicateCheck {
  exact: { notice: NoticeDoc; why: 'text' | 'attachment' } | null;
  near: { notice: NoticeDoc; similarity: number }[];
}

/** The draft against the target groups' recent notices (already limited to the window and the groups). */
export function checkDuplicates(draft: { norm: string; sha256s: string[] }, recent: NoticeDoc[], nearPercent: number, except?: string): DuplicateCheck {
  const live = recent.filter((n) => n.status === 'active' && n._id !== except).sort((a, b) => b.publishedAt - a.publishedAt || (a._id < b._id ? -1 : 1));
  const sameText = live.find((n) => n.norm === draft.norm);
  if (sameText) return { exact: { notice: sameText, why: 'text' }, near: [] };
  const sums = new Set(draft.sha256s);
  const sameFile = live.find((n) => n.attachments.some((a) => sums.has(a.sha256)));
  if (sameFile) return { exact: { notice: sameFile, why: 'attachment' }, near: [] };
  const near = live
    .map((notice) => ({ notice, similarity: similarity(draft.norm, notice.norm) }))
    .filter((x) => x.similarity * 100 >= nearPercent)
    .sort((a, b) => b.similarity - a.similarity);
  return { exact: null, near };
}

// ── Who owes an acknowledgement, and when ─────────────────────────────────────────────────────────

/** Active members of each target group at publish time (guests included), the publisher excluded. */
export function audienceOf(groupIds: string[], roster: RosterEntry[], publisherId: string): { groupId: string; personIds: string[] }[] {
  return groupIds.map((groupId) => ({
    groupId,
    personIds: [
      ...new Set(
        roster
          .filter((r) => r.membership.groupId === groupId && r.membership.status === 'active' && r.person.status === 'active' && r.membership.roles.includes('member'))
          .map((r) => r.person._id)
          .filter((id) => id !== publisherId),
      ),
    ],
  }));
}

export const owedOf = (audience: NoticeDoc['audience']) => [...new Set(audience.flatMap((a) => a.personIds))];

/** The acknowledgement deadline: end of the n-th working day after publishing. */
export function ackDeadline(now: number, days: number, settings: SettingsValues): number {
  return deadlineAfter(now, days, settings.calendar);
}

const REMINDER_HOUR = 'T10:00:00+08:00';
const at10 = (date: string) => Date.parse(`${date}${REMINDER_HOUR}`);

/**
 * When the scheduler next looks at a notice: 10:00 Shanghai on the next working day (after `after`)
 * while reminders remain and that is before the deadline; otherwise the deadline, for the final count.
 */
export function nextWake(after: number, ackDueAt: number, remindersDone: number, settings: SettingsValues): number {
  if (remindersDone < settings.notices.maxReminders) {
    let date = shanghaiDate(after);
    if (!(isWorkingDay(date, settings.calendar) && at10(date) > after)) date = addWorkingDays(date, 1, settings.calendar);
    const next = at10(date);
    if (next < ackDueAt) return next;
  }
  return ackDueAt;
}

/** Still owes (acknowledged or not): owed at publish, and still an active member of a group it was owed in. */
export function stillOwes(n: NoticeDoc, personId: string, activeIn: (groupId: string) => boolean): boolean {
  return n.audience.some((a) => a.personIds.includes(personId) && activeIn(a.groupId));
}

/** Of these ended memberships, those of people the notice was owed to through that group (`groupId:personId`). */
export function leftAudience(n: NoticeDoc, ended: { groupId: string; personId: string }[]): string[] {
  const owedIn = new Map(n.audience.map((a) => [a.groupId, new Set(a.personIds)]));
  return ended.filter((m) => owedIn.get(m.groupId)?.has(m.personId)).map((m) => `${m.groupId}:${m.personId}`);
}

/**
 * A notice's counts from its acknowledgements counted (all, late) and the memberships ended since
 * (`left`, with those people's acknowledgements): whoever no longer owes it (stillOwes) is taken out
 * of both sides, as the receipts do.
 */
export function noticeStats(n: NoticeDoc, t: { acked: number; late: number; left: string[]; leftAcks: AckDoc[] }, now: number): NoticeStats {
  const ended = new Set(t.left);
  // Only someone with an ended membership can have stopped owing: look at those alone (not owed × audience).
  const candidates = new Set(t.left.map((k) => k.slice(k.indexOf(':') + 1)));
  const gone = new Set([...candidates].filter((p) => !stillOwes(n, p, (g) => !ended.has(`${g}:${p}`))));
  const goneAcks = t.leftAcks.filter((a) => gone.has(a.personId));
  const owed = n.owed.length - gone.size;
  const acked = t.acked - goneAcks.length;
  return { owed, acked, late: t.late - goneAcks.filter((a) => a.late).length, overdue: now > n.ackDueAt ? owed - acked : 0 };
}

/** "@张伟-市场部 @黄磊-市场部 请查看并确认《标题》", with each person's canonical nickname in the group. */
export function unreadLine(title: string, nicknames: string[]): string {
  return nicknames.length ? `${nicknames.map((n) => `@${n}`).join(' ')} 请查看并确认《${title}》` : '';
}

/** A member's canonical nickname in a group (§2.2), as the @-line uses it. */
export function nicknameIn(subject: NamingSubject, members: NamingSubject[], settings: SettingsValues): string {
  return canonicalNickname(subject, members, settings.naming).canonical;
}
