// Notices (§3.2, §4): the publish form, the pre-publish check, publishing, reading, acknowledging,
// receipts, withdrawing and correcting. Not cases: a notice is one document, an acknowledgement another.
import { fail, NOTICE_KIND_LABELS, NOTICE_KINDS, ok, type ActionInput, type Failure, type NoticeForm, type NoticePreview, type NoticeReceipts, type NoticeView, type Page, type Result, type SettingsValues } from '../../contract';
import type { AckDoc, Department, Group, NoticeDoc, RosterEntry } from '../../core/model';
import {
  ackDeadline,
  attachmentLine,
  audienceOf,
  checkDuplicates,
  formatProblems,
  nextWake,
  NOTICE_RULES,
  nicknameIn,
  noticeStats,
  noticeText,
  owedOf,
  publishingDept,
  reachable,
  unmentioned,
  unreadLine,
  type Publisher,
} from '../../core/notices';
import { endOfShanghaiDay, formatShanghai, shanghaiDate } from '../../core/time';
import { requestKey } from '../cases/ids';
import { checkText } from '../content';
import type { Actor, HandlerCtx } from '../context';
import { canSeeNotice, receiptGroups, toNoticeView } from '../reads/notice-views';
import { checkOwnFiles } from '../reads/files';
import { attachmentChecks, dispatchNoticeOutbox } from './notices-media';
import type { PageOf, PageQuery } from '../ports';
import { currentSettings } from '../reads/settings';

const DAY = 86_400_000;
/**
 * One collator for every comparison (`localeCompare(…, 'zh')` builds one per call), made on first
 * use: building it loads ICU's Chinese collation, ~10 ms of a cold function's start otherwise.
 */
let zh: Intl.Collator | undefined;
const byPinyin = (a: string, b: string) => (zh ??= new Intl.Collator('zh')).compare(a, b);
type Draft = ActionInput<'notices.preview'>;

function publisherOf(actor: Actor): Publisher {
  const active = actor.memberships.filter((m) => m.status === 'active');
  return {
    personId: actor.person._id,
    deptId: actor.person.deptId,
    designated: actor.person.publisher === true,
    headOf: actor.headOf,
    adminOf: active.filter((m) => m.roles.includes('admin')).map((m) => m.groupId),
    memberOf: active.map((m) => m.groupId),
  };
}

export async function noticesForm(ctx: HandlerCtx): Promise<Result<NoticeForm>> {
  const { store } = ctx.deps;
  const [dir, settings] = await Promise.all([store.getDirectory(), currentSettings(store)]);
  const p = publisherOf(ctx.actor);
  const dept = publishingDept(p, dir.departments);
  return ok({
    kinds: NOTICE_KINDS.map((kind) => ({
      kind,
      label: NOTICE_KIND_LABELS[kind],
      rule: NOTICE_RULES[kind],
      groups: reachable(p, kind, dir.groups).map((g) => ({ id: g._id, name: g.name })),
    })),
    dept: { id: dept?._id ?? p.deptId, name: dept?.name ?? '' },
    bodyMax: settings.values.notices.bodyMax,
    ackDays: settings.values.notices.ackDays,
  });
}

interface Checked {
  groups: Group[];
  roster: RosterEntry[];
  departments: Department[];
  recent: NoticeDoc[];
  attachments: NoticeDoc['attachments'];
  settings: { version: number; values: SettingsValues };
  problems: string[];
}

type Targets = Awaited<ReturnType<HandlerCtx['deps']['store']['getNoticeTargets']>> & { settings: { version: number; values: SettingsValues } };

/** What a draft is checked against, in one read: the target groups, their rosters and recent notices. */
async function loadTargets(ctx: HandlerCtx, d: Draft): Promise<Targets> {
  const settings = await currentSettings(ctx.deps.store);
  const since = ctx.now - settings.values.notices.duplicateDays * DAY;
  return { ...(await ctx.deps.store.getNoticeTargets([...new Set(d.groupIds)], since)), settings };
}

/** Everything a draft is checked against; a refusal for what no confirmation can fix. */
async function checkDraft(ctx: HandlerCtx, d: Draft, loaded?: Targets): Promise<Checked | Failure> {
  const groupIds = [...new Set(d.groupIds)];
  const { settings, ...targets } = loaded ?? (await loadTargets(ctx, d));
  if (targets.groups.length !== groupIds.length) return fail('NOT_FOUND', '所选的群不存在');
  const p = publisherOf(ctx.actor);
  const refused = targets.groups.filter((g) => !reachable(p, d.kind, [g]).length);
  if (refused.length) return fail('NOT_PUBLISHER', `你无权向「${refused.map((g) => g.name).join('」「')}」发布${NOTICE_KIND_LABELS[d.kind]}（${NOTICE_RULES[d.kind]}）`);
  // Only the caller's own uploads, with the size and SHA-256 the server computed when they were recorded.
  const own = await checkOwnFiles(ctx, (d.attachments ?? []).map((a) => a.fileId), { missing: 'FILE_INVALID' });
  if ('ok' in own) return own;
  const checks = attachmentChecks(own);
  const attachments: NoticeDoc['attachments'] = (d.attachments ?? []).map((a) => {
    const u = own.find((x) => x.fileId === a.fileId)!;
    const check = checks.get(a.fileId);
    return { fileId: a.fileId, name: a.name.trim(), description: a.description.trim(), sha256: u.sha256, size: u.size, ...(check ? { check } : {}) };
  });
  const problems = formatProblems({ title: d.title, body: d.body, attachments, kind: d.kind, keyFact: d.keyFact ?? null }, settings.values.notices.bodyMax);
  return { ...targets, groups: groupIds.map((id) => targets.groups.find((g) => g._id === id)!), attachments, settings, problems };
}

export async function noticesPreview(ctx: HandlerCtx, input: Draft): Promise<Result<NoticePreview>> {
  const checked = await checkDraft(ctx, input);
  if ('ok' in checked) return checked;
  const missing = unmentioned(input.body, checked.attachments);
  // An unmentioned attachment is for the form to fix in one tap, not a refusal here.
  const problems = checked.problems.filter((p) => !p.startsWith('正文须注明附件'));
  if (problems.length) return fail('NOTICE_FORMAT', problems.join('；'));
  return ok(previewOf(ctx, input, checked, missing));
}

function previewOf(ctx: HandlerCtx, d: Draft & { noticeId?: string }, c: Checked, missing: { name: string; description: string }[]): NoticePreview {
  const dup = checkDuplicates({ norm: noticeText(d.title, d.body), sha256s: c.attachments.map((a) => a.sha256) }, c.recent, c.settings.values.notices.nearPercent, d.noticeId);
  const ref = (n: NoticeDoc) => ({ noticeId: n._id, title: n.title, publishedAt: n.publishedAt, groupNames: n.groupNames });
  return {
    duplicate: dup.exact ? { ...ref(dup.exact.notice), why: dup.exact.why } : null,
    near: dup.near.map((x) => ({ ...ref(x.notice), similarity: Math.round(x.similarity * 100) / 100 })),
    unmentioned: missing.map((a) => ({ name: a.name.trim(), line: attachmentLine(a) })),
    owed: owedOf(audienceOf(c.groups.map((g) => g._id), c.roster, ctx.actor.person._id)).length,
    ackDueAt: ackDeadline(ctx.now, d.ackDueDays ?? c.settings.values.notices.ackDays, c.settings.values),
  };
}

type PublishInput = ActionInput<'notices.publish'> & { noticeId?: string };

/** The notice a publish or a correction would write (`filed`: written already, by this request before), or why not. */
async function draftNotice(ctx: HandlerCtx, input: PublishInput, id: string, loaded?: Targets): Promise<(NoticeDoc & { filed?: true }) | Failure> {
  const checked = await checkDraft(ctx, input, loaded);
  if ('ok' in checked) return checked;
  // A retried tap finds its own notice among the groups' recent ones: that is the answer, not a duplicate.
  const mine = checked.recent.find((n) => n._id === id);
  if (mine) return { ...mine, filed: true };
  if (checked.problems.length) return fail('NOTICE_FORMAT', checked.problems.join('；'));
  const names = checked.attachments.flatMap((a) => [a.name, a.description]);
  const refused = await checkText(ctx, [input.title, input.body, ...names, ...(input.keyFact ? [input.keyFact.question, ...input.keyFact.choices] : [])]);
  if (refused) return refused;
  const preview = previewOf(ctx, input, checked, []);
  if (preview.duplicate) {
    const d = preview.duplicate;
    const what = d.why === 'attachment' ? '相同的附件' : '相同的内容';
    return fail('NOTICE_DUPLICATE', `「${d.groupNames.join('」「')}」已于 ${formatShanghai(d.publishedAt, 'M月D日')} 发布过${what}：《${d.title}》，请勿重复发布`);
  }
  const reason = input.confirmNearDuplicate?.trim();
  if (preview.near.length && !reason) {
    return fail('NEAR_DUPLICATE', `与近期的通知内容相近：${preview.near.map((n) => `《${n.title}》（相似度 ${Math.round(n.similarity * 100)}%）`).join('、')}，请确认不是重复发布并写明理由`);
  }
  const me = ctx.actor.person;
  const dept = publishingDept(publisherOf(ctx.actor), checked.departments);
  const audience = audienceOf(checked.groups.map((g) => g._id), checked.roster, me._id);
  const values = checked.settings.values;
  const ackDueAt = ackDeadline(ctx.now, input.ackDueDays ?? values.notices.ackDays, values);
  const firstWake = nextWake(endOfShanghaiDay(shanghaiDate(ctx.now)), ackDueAt, 0, values);
  return {
    _id: id,
    kind: input.kind,
    title: input.title.trim(),
    body: input.body.trim(),
    deptId: dept?._id ?? me.deptId,
    deptName: dept?.name ?? '',
    publisherId: me._id,
    publisherName: me.name,
    groupIds: checked.groups.map((g) => g._id),
    groupNames: checked.groups.map((g) => g.name),
    attachments: checked.attachments,
    norm: noticeText(input.title, input.body),
    publishedAt: ctx.now,
    ackDueAt,
    keyFact: input.keyFact ? { question: input.keyFact.question.trim(), choices: input.keyFact.choices.map((c) => c.trim()), answer: input.keyFact.answer } : null,
    audience,
    owed: owedOf(audience),
    status: 'active',
    ...(preview.near.length && reason ? { nearDuplicate: { noticeIds: preview.near.map((n) => n.noticeId), similarity: preview.near[0].similarity, reason } } : {}),
    open: true,
    // The first reminder is the next working day's: nobody is chased on the day it was published.
    // With attachments, the scheduler looks at once if publishing's outbox is left undone.
    ...(checked.attachments.length ? { wakeAt: ctx.now, outbox: { wakeAt: firstWake } } : { wakeAt: firstWake }),
    reminders: 0,
    cursor: null,
    finalSent: false,
    requestId: input.requestId,
    version: 0,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
}

export async function noticesPublish(ctx: HandlerCtx, input: ActionInput<'notices.publish'>): Promise<Result<NoticeView>> {
  const { store } = ctx.deps;
  const id = requestKey('nt', ctx.actor.person._id, input.requestId);
  const drafted = await draftNotice(ctx, input, id);
  if ('ok' in drafted) return drafted;
  const { filed, ...n } = drafted;
  const inserted = filed || (await store.insertNotice(n)) ? n : ((await store.getNotice(id)) ?? n);
  // The attachments' uploads and any verdict that came meanwhile: the outbox (again on a retried tap
  // that finds it undone), so the answer shows what it did.
  const saved = await dispatchNoticeOutbox(ctx.deps, inserted);
  return ok(await toNoticeView(ctx.actor, saved, null, { now: ctx.now, files: ctx.deps.files }));
}

export async function noticesCorrect(ctx: HandlerCtx, input: ActionInput<'notices.correct'>): Promise<Result<NoticeView>> {
  const { store } = ctx.deps;
  const targets = await loadTargets(ctx, input);
  // A correction usually goes to the groups of the notice it corrects, so that notice came with their
  // recent ones; only one sent elsewhere (or older than the duplicate window) costs a read of its own.
  const old = targets.recent.find((n) => n._id === input.noticeId) ?? (await store.getNotice(input.noticeId));
  if (!old || !canSeeNotice(ctx.actor, old)) return fail('NOT_FOUND');
  const id = requestKey('nt', ctx.actor.person._id, input.requestId);
  if (old.correctedBy === id) {
    const fresh = targets.recent.find((n) => n._id === id) ?? (await store.getNotice(id));
    if (fresh) return ok(await toNoticeView(ctx.actor, fresh, null, { now: ctx.now, files: ctx.deps.files }));
  }
  if (old.publisherId !== ctx.actor.person._id) return fail('FORBIDDEN', '只有发布人可以更正这条通知');
  if (old.status !== 'active') return fail('NOTICE_WITHDRAWN', '这条通知已撤回或已被更正，不能再更正');
  const drafted = await draftNotice(ctx, input, id, targets);
  if ('ok' in drafted) return drafted;
  const { filed: _filed, ...n } = drafted;
  const fresh: NoticeDoc = { ...n, corrects: old._id };
  // An outbox still undone keeps its wake for the scheduler (wakeAt: null would lose it).
  const replaced: NoticeDoc = { ...old, status: 'corrected', correctedBy: fresh._id, open: false, wakeAt: old.outbox ? old.wakeAt : null, cursor: null, updatedAt: ctx.now };
  if (!(await store.replaceNotice(replaced, old.version, fresh))) return fail('CONFLICT');
  return ok(await toNoticeView(ctx.actor, await dispatchNoticeOutbox(ctx.deps, fresh), null, { now: ctx.now, files: ctx.deps.files }));
}

export async function noticesWithdraw(ctx: HandlerCtx, input: ActionInput<'notices.withdraw'>): Promise<Result<NoticeView>> {
  const { store } = ctx.deps;
  const reason = input.reason.trim();
  const refused = await checkText(ctx, [reason]);
  if (refused) return refused;
  for (let attempt = 0; attempt < 3; attempt++) {
    const n = await store.getNotice(input.noticeId);
    if (!n || !canSeeNotice(ctx.actor, n)) return fail('NOT_FOUND');
    if (n.publisherId !== ctx.actor.person._id) return fail('FORBIDDEN', '只有发布人可以撤回这条通知');
    if (n.status !== 'active') return fail('NOTICE_WITHDRAWN', '这条通知已撤回或已被更正');
    const next: NoticeDoc = { ...n, status: 'withdrawn', withdrawReason: reason, withdrawnBy: ctx.actor.person._id, withdrawnAt: ctx.now, open: false, wakeAt: n.outbox ? n.wakeAt : null, cursor: null, updatedAt: ctx.now };
    if (await store.updateNotice(next, n.version)) return ok(await toNoticeView(ctx.actor, { ...next, version: n.version + 1 }, null, { now: ctx.now }));
  }
  return fail('CONFLICT');
}

export async function noticesGet(ctx: HandlerCtx, input: ActionInput<'notices.get'>): Promise<Result<NoticeView>> {
  // The counts over the whole notice, for whoever may see every group's receipts (the publisher, or
  // an admin of all its groups), in the same read; an admin of some of them has their groups' counts on 确认情况.
  const found = await ctx.deps.store.getNoticeForPerson(input.noticeId, ctx.actor.person._id, { tallyIf: (n) => receiptGroups(ctx.actor, n).length === n.groupIds.length });
  if (!found || !canSeeNotice(ctx.actor, found.notice)) return fail('NOT_FOUND');
  const n = found.notice;
  return ok(await toNoticeView(ctx.actor, n, found.ack, { now: ctx.now, files: ctx.deps.files, ...(found.tally ? { stats: noticeStats(n, found.tally, ctx.now) } : {}) }));
}

export async function noticesAcknowledge(ctx: HandlerCtx, input: ActionInput<'notices.acknowledge'>): Promise<Result<NoticeView>> {
  const { store } = ctx.deps;
  const me = ctx.actor.person._id;
  const found = await store.getNoticeForPerson(input.noticeId, me);
  if (!found || !canSeeNotice(ctx.actor, found.notice)) return fail('NOT_FOUND');
  const { notice: n } = found;
  // A double tap, or a retry: acknowledged once, answered the same.
  if (found.ack) return ok(await toNoticeView(ctx.actor, n, found.ack, { now: ctx.now }));
  if (n.status !== 'active') return fail('NOTICE_WITHDRAWN');
  if (!n.owed.includes(me)) return fail('NOTICE_NOT_OWED');
  if (n.keyFact && input.keyFact !== n.keyFact.answer) {
    return fail('KEY_FACT_WRONG', input.keyFact === undefined ? `请先回答：${n.keyFact.question}` : undefined);
  }
  const ack: AckDoc = { _id: `${n._id}:${me}`, noticeId: n._id, personId: me, at: ctx.now, late: ctx.now > n.ackDueAt };
  // Two taps at once: one insert wins; the other answers with the one that did.
  const saved = (await store.insertAck(ack)) ? ack : ((await store.listAcks(n._id, [me]))[0] ?? ack);
  return ok(await toNoticeView(ctx.actor, n, saved, { now: ctx.now }));
}

export async function noticesList(ctx: HandlerCtx, input: ActionInput<'notices.list'>): Promise<Result<Page<NoticeView> & { pending: number }>> {
  const { store } = ctx.deps;
  const me = ctx.actor.person._id;
  const page = { offset: input.offset ?? 0, limit: input.limit ?? 20 };
  const views = (items: NoticeDoc[], acks: AckDoc[]) => Promise.all(items.map((n) => toNoticeView(ctx.actor, n, acks.find((a) => a.noticeId === n._id) ?? null, { now: ctx.now })));
  if (input.scope === 'mine') return ok(await noticesToAckView(ctx, await store.listNoticesToAck(me, page), page));
  if (input.scope === 'published') {
    // Each notice with its counts: the page, then its acknowledgements counted in one more read.
    const r = await store.listNoticesByPublisher(me, page, { tallies: true });
    const items = await Promise.all(r.items.map((n, i) => toNoticeView(ctx.actor, n, null, { now: ctx.now, ...(r.tallies?.[i] ? { stats: noticeStats(n, r.tallies[i], ctx.now) } : {}) })));
    return ok({ items, total: r.total, offset: page.offset, limit: page.limit, pending: 0 });
  }
  if (!input.groupId) return fail('BAD_INPUT', '请选择群');
  const member = ctx.actor.memberships.some((m) => m.groupId === input.groupId && m.status === 'active');
  if (!member && !ctx.actor.isOwner) return fail('NOT_MEMBER');
  const r = await store.listNoticesOfGroup(input.groupId, me, page);
  const pending = r.items.filter((n) => n.open && n.owed.includes(me) && !r.acks.some((a) => a.noticeId === n._id)).length;
  return ok({ items: await views(r.items, r.acks), total: r.total, offset: page.offset, limit: page.limit, pending });
}

/** The notices I still owe, as 首页 and notices.list scope 'mine' show them. */
export async function noticesToAckView(ctx: HandlerCtx, r: PageOf<NoticeDoc>, page: PageQuery): Promise<Page<NoticeView> & { pending: number }> {
  const items = await Promise.all(r.items.map((n) => toNoticeView(ctx.actor, n, null, { now: ctx.now })));
  return { items, total: r.total, offset: page.offset, limit: page.limit, pending: r.total };
}

export async function noticesReceipts(ctx: HandlerCtx, input: ActionInput<'notices.receipts'>): Promise<Result<NoticeReceipts>> {
  const { store } = ctx.deps;
  const found = await store.getNoticeReceipts(input.noticeId);
  if (!found || !canSeeNotice(ctx.actor, found.notice)) return fail('NOT_FOUND');
  const { notice: n, acks, roster, departments } = found;
  const visible = receiptGroups(ctx.actor, n);
  if (!visible.length) return fail('FORBIDDEN', '只有发布人和所发群的管理员可以查看确认情况');
  if (input.groupId && !visible.includes(input.groupId)) return fail('FORBIDDEN', '你只能查看自己管理的群的确认情况');
  const settings = await currentSettings(store);
  const groupIds = input.groupId ? [input.groupId] : visible;
  const ackOf = new Map(acks.map((a) => [a.personId, a]));
  const deptName = new Map(departments.map((d) => [d._id, d.name]));
  const active = new Set(roster.map((r) => `${r.membership.groupId}:${r.person._id}`));
  const subjectsOf = (groupId: string) =>
    roster.filter((r) => r.membership.groupId === groupId).map((r) => ({ personId: r.person._id, name: r.person.name, department: deptName.get(r.person.deptId) ?? '', employeeNo: r.person.employeeNo }));
  // Owed at publish and still in the group: someone who left stops owing.
  const owedIn = (groupId: string) => (n.audience.find((a) => a.groupId === groupId)?.personIds ?? []).filter((p) => active.has(`${groupId}:${p}`));
  const groups = n.groupIds
    .filter((g) => visible.includes(g))
    .map((g, i) => {
      const owed = owedIn(g);
      return { id: g, name: n.groupNames[n.groupIds.indexOf(g)] ?? String(i), owed: owed.length, acked: owed.filter((p) => ackOf.has(p)).length };
    });
  const rows = new Map<string, { groups: string[]; nickname: string; name: string }>();
  for (const g of groupIds) {
    const subjects = subjectsOf(g);
    const byId = new Map(subjects.map((s) => [s.personId, s]));
    // Only namesakes change a canonical nickname: hand the rule each name's members, not the whole group (n², at 2,000).
    const byName = new Map<string, typeof subjects>();
    for (const s of subjects) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
    for (const p of owedIn(g)) {
      const subject = byId.get(p)!;
      const row = rows.get(p) ?? { groups: [], nickname: nicknameIn(subject, byName.get(subject.name) ?? [], settings.values), name: subject.name };
      row.groups.push(n.groupNames[n.groupIds.indexOf(g)] ?? g);
      rows.set(p, row);
    }
  }
  const all = [...rows.entries()].map(([id, r]) => ({ person: { id, name: r.name }, nickname: r.nickname, groups: r.groups, ackedAt: ackOf.get(id)?.at ?? null, late: ackOf.get(id)?.late ?? false }));
  // Who has not acknowledged first (by nickname), then the acknowledgements in the order they came.
  all.sort((a, b) => ((a.ackedAt === null) !== (b.ackedAt === null) ? (a.ackedAt === null ? -1 : 1) : a.ackedAt === null ? byPinyin(a.nickname, b.nickname) : a.ackedAt - b.ackedAt!));
  const filter = input.filter ?? 'all';
  const matching = all.filter((r) => filter === 'all' || (filter === 'pending' ? r.ackedAt === null : r.ackedAt !== null));
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 50;
  const unread = all.filter((r) => r.ackedAt === null).map((r) => r.nickname);
  const acked = all.filter((r) => r.ackedAt !== null).length;
  const total = { owed: all.length, acked, late: all.filter((r) => r.late).length, overdue: ctx.now > n.ackDueAt ? all.length - acked : 0 };
  return ok({
    notice: { id: n._id, title: n.title, ackDueAt: n.ackDueAt, status: n.status },
    groups,
    total,
    items: matching.slice(offset, offset + limit),
    offset,
    limit,
    matching: matching.length,
    unreadLine: n.status === 'active' ? unreadLine(n.title, unread) : '',
  });
}
