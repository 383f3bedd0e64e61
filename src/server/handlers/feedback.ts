// Member feedback (§3.2): a member writes to the group's admins (optionally anonymous towards whoever
// handles it), others second it (附议), the admins answer or forward it to a department head or the
// group's leader, the member follows up once or marks it resolved. Steps are the kind's table
// (core/kinds/feedback.ts); who may learn the sender is decided in server/cases/kinds.ts.
import { fail, ok, STATE_LABELS, type ActionInput, type CaseView, type FeedbackForm, type FeedbackReceiverOption, type FeedbackSimilarItem, type Result } from '../../contract';
import { openFeedback, WAITING_STATES, type FeedbackCase } from '../../core/kinds/feedback';
import type { Case, Department, Person } from '../../core/model';
import { normalise, similarity } from '../../core/notices';
import { requestKey } from '../cases/ids';
import { checkText } from '../content';
import { rolesIn, type HandlerCtx } from '../context';
import type { Store } from '../ports';
import type { GroupContext } from '../reads/group-context';
import { loadGroupContext } from '../reads/group-context';
import { currentSettings } from '../reads/settings';
import { canSeeCase } from '../reads/views';
import { fileCase, stepCase } from './case-step';
import { checkFiles } from './violation-files';

export const feedbackCaseId = (personId: string, requestId: string) => requestKey('fb', personId, requestId);

const SIMILAR_MAX = 5;

/** Who the group's admins may forward to: every department's head, and the group's leaders. */
async function receivers(store: Store, gc: GroupContext): Promise<FeedbackReceiverOption[]> {
  const departments: Department[] = [...gc.departments.values()];
  const headIds = departments.map((d) => d.headId).filter((id): id is string => !!id);
  const people = new Map<string, Person>((await store.getPeople([...new Set([...headIds, ...gc.leaders])])).map((p) => [p._id, p]));
  const out: FeedbackReceiverOption[] = [];
  for (const id of gc.leaders) {
    const p = people.get(id);
    if (p?.status === 'active') out.push({ id, name: p.name, role: '上级领导' });
  }
  for (const d of departments) {
    const p = d.headId ? people.get(d.headId) : undefined;
    if (p?.status === 'active' && !out.some((o) => o.id === p._id)) out.push({ id: p._id, name: p.name, role: `${d.name}负责人` });
  }
  return out;
}

export async function feedbackForm(ctx: HandlerCtx, input: ActionInput<'feedback.form'>): Promise<Result<FeedbackForm>> {
  const { store } = ctx.deps;
  const roles = rolesIn(ctx.actor, input.groupId);
  if (!roles.length) return fail('NOT_MEMBER');
  const [gc, settings] = await Promise.all([loadGroupContext(store, input.groupId), currentSettings(store)]);
  if (!gc) return fail('NOT_FOUND');
  const handles = roles.includes('admin') || roles.includes('leader');
  return ok({ group: { id: gc.group._id, name: gc.group.name }, categories: settings.values.feedback.categories, receivers: handles ? await receivers(store, gc) : [] });
}

export async function feedbackSubmit(ctx: HandlerCtx, input: ActionInput<'feedback.submit'>): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;
  if (!rolesIn(actor, input.groupId).includes('member')) return fail('NOT_MEMBER');
  const text = input.text.trim();
  if (!text) return fail('REASON_REQUIRED', '请写下你的意见或建议');
  const [gc, settings] = await Promise.all([loadGroupContext(store, input.groupId), currentSettings(store)]);
  if (!gc) return fail('NOT_FOUND');
  if (!settings.values.feedback.categories.includes(input.category)) return fail('CATEGORY_UNKNOWN', '反馈类别不在系统设置的类别中，请重新选择');
  const refused = await checkText(ctx, [text]);
  if (refused) return refused;
  const files = await checkFiles(ctx, input.images);
  if ('ok' in files) return files;
  const c = openFeedback({
    id: feedbackCaseId(me, input.requestId),
    groupId: gc.group._id,
    senderId: me,
    senderName: actor.person.name,
    groupName: gc.group.name,
    category: input.category,
    text,
    anonymous: input.anonymous === true,
    images: files.fileIds,
    media: files.media,
    requestId: input.requestId,
    settingsVersion: settings.version,
    ctx: { now, settings: settings.values, admins: gc.admins, leaders: gc.leaders },
  });
  return fileCase(ctx, c);
}

/** Feedback still waiting for an answer, as the similar list shows it (never who sent it). */
function similarItem(c: FeedbackCase, me: string, percent: number): FeedbackSimilarItem {
  return {
    caseId: c._id,
    category: c.data.category,
    text: c.data.text,
    stateLabel: STATE_LABELS[c.state] ?? c.state,
    seconds: c.data.seconders.length,
    similarity: percent,
    mine: c.subjectId === me,
    secondedByMe: c.data.seconders.includes(me),
  };
}

const isWaiting = (c: Case) => (WAITING_STATES as readonly string[]).includes(c.state);

export async function feedbackSimilar(ctx: HandlerCtx, input: ActionInput<'feedback.similar'>): Promise<Result<{ items: FeedbackSimilarItem[] }>> {
  const { store } = ctx.deps;
  if (!rolesIn(ctx.actor, input.groupId).includes('member')) return fail('NOT_MEMBER');
  const draft = normalise(input.text);
  if (!draft) return ok({ items: [] });
  const [open, settings] = await Promise.all([store.listOpenCases('feedback', input.groupId), currentSettings(store)]);
  const min = settings.values.feedback.similarPercent;
  const items = open
    .filter(isWaiting)
    .map((c) => ({ c: c as FeedbackCase, percent: Math.round(similarity(draft, normalise((c as FeedbackCase).data.text)) * 100) }))
    .filter((x) => x.percent >= min)
    .sort((a, b) => b.percent - a.percent || b.c.data.seconders.length - a.c.data.seconders.length)
    .slice(0, SIMILAR_MAX)
    .map((x) => similarItem(x.c, ctx.actor.person._id, x.percent));
  return ok({ items });
}

export async function feedbackSecond(ctx: HandlerCtx, input: ActionInput<'feedback.second'>): Promise<Result<FeedbackSimilarItem>> {
  const { actor } = ctx;
  // A member reaches the group's open feedback to second it, without reading the case itself.
  const r = await stepCase(ctx, input.caseId, ['feedback'], { type: 'second' }, { canSee: (c) => canSeeCase(actor, c) || (c.open && rolesIn(actor, c.groupId).includes('member')) });
  if (!r.ok) return r;
  const v = r.data;
  if (v.kind !== 'feedback') return fail('NOT_FOUND');
  const d = v.data;
  return ok({ caseId: v.id, category: d.category, text: d.text, stateLabel: v.stateLabel, seconds: d.seconds, similarity: 100, mine: d.mine, secondedByMe: d.secondedByMe });
}

export async function feedbackForward(ctx: HandlerCtx, input: ActionInput<'feedback.forward'>) {
  const { store } = ctx.deps;
  const note = input.note?.trim() || undefined;
  const refused = await checkText(ctx, [note]);
  if (refused) return refused;
  const [departments, person] = await Promise.all([store.listDepartments(), store.getPerson(input.toPersonId)]);
  return stepCase(
    ctx,
    input.caseId,
    ['feedback'],
    (_c, { group }) => {
      if (!person || person.status !== 'active') return fail('FORWARD_TARGET_INVALID');
      const headOf = departments.find((d) => d.headId === person._id);
      const role = group?.leaders.includes(person._id) ? '上级领导' : headOf ? `${headOf.name}负责人` : null;
      if (!role) return fail('FORWARD_TARGET_INVALID');
      return { type: 'forward', to: { personId: person._id, name: person.name, role }, ...(note ? { note } : {}) };
    },
    { group: true },
  );
}

export async function feedbackAnswer(ctx: HandlerCtx, input: ActionInput<'feedback.answer'>) {
  const answer = input.answer.trim();
  if (!answer) return fail('REASON_REQUIRED', '请填写答复内容');
  return (await checkText(ctx, [answer])) ?? stepCase(ctx, input.caseId, ['feedback'], { type: 'answer', answer, byName: ctx.actor.person.name });
}

export async function feedbackFollowUp(ctx: HandlerCtx, input: ActionInput<'feedback.followUp'>) {
  const text = input.text.trim();
  return (await checkText(ctx, [text])) ?? stepCase(ctx, input.caseId, ['feedback'], { type: 'followUp', text });
}

export async function feedbackResolve(ctx: HandlerCtx, input: ActionInput<'feedback.resolve'>) {
  return stepCase(ctx, input.caseId, ['feedback'], { type: 'resolve' });
}
