// Every step after the decision — the leader's measure, appeal, accept, answer, escalate, ruling,
// the admin confirming the WeChat task — through the pure machine and the versioned save.
import { fail, ok, type ActionInput, type CaseView, type Failure, type Result } from '../../contract';
import { decideViolation, type ViolationCase, type ViolationCommand } from '../../core/violation';
import { rolesIn, type HandlerCtx } from '../context';
import { checkText } from '../content';
import { decideAndSave } from '../cases/commit';
import { settingsAt } from '../reads/settings';
import { canSeeCase, toCaseViews } from '../reads/views';
import { loadGroupContext } from '../reads/group-context';
import { checkFiles } from './violation-files';

async function decide(ctx: HandlerCtx, caseId: string, cmd: ViolationCommand): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const saved = await decideAndSave(
    ctx.deps,
    caseId,
    async (c) => {
      if (c.kind !== 'violation') return { ok: false, code: 'NOT_FOUND' };
      const [settings, gc] = await Promise.all([settingsAt(store, c.settingsVersion), loadGroupContext(store, c.groupId)]);
      return decideViolation(
        c as ViolationCase,
        cmd,
        { id: actor.person._id, rolesInGroup: rolesIn(actor, c.groupId) },
        { now, settings: settings.values, admins: gc?.admins ?? [], leaders: gc?.leaders ?? [] },
      );
    },
    (c) => canSeeCase(actor, c),
  );
  if (isFailure(saved)) return saved;
  return ok((await toCaseViews(store, actor, [saved], true, { now, files: ctx.deps.files }))[0]);
}

function isFailure(x: unknown): x is Failure {
  return typeof x === 'object' && x !== null && (x as Failure).ok === false;
}

async function textFirst(ctx: HandlerCtx, texts: (string | undefined)[], then: () => Promise<Result<CaseView>>) {
  const refused = await checkText(ctx, texts);
  return refused ?? then();
}

export async function violationDecideMeasure(ctx: HandlerCtx, input: ActionInput<'violation.decideMeasure'>) {
  const reason = input.reason.trim();
  if (!reason) return fail('REASON_REQUIRED', '决定纪律处分时请写明理由');
  return textFirst(ctx, [reason], () => decide(ctx, input.caseId, { type: 'decideMeasure', measure: input.measure, reason }));
}

export async function violationAppeal(ctx: HandlerCtx, input: ActionInput<'violation.appeal'>) {
  const reasons = input.reasons.trim();
  if (!reasons) return fail('REASON_REQUIRED', '申诉时请写明理由');
  const evidence = await checkFiles(ctx, input.evidence);
  if (!Array.isArray(evidence)) return evidence;
  return textFirst(ctx, [reasons], () => decide(ctx, input.caseId, { type: 'appeal', reasons, evidence }));
}

export async function violationAccept(ctx: HandlerCtx, input: ActionInput<'violation.accept'>) {
  return decide(ctx, input.caseId, { type: 'accept' });
}

export async function violationAnswer(ctx: HandlerCtx, input: ActionInput<'violation.answer'>) {
  const finding = input.finding.trim();
  if (!finding) return fail('REASON_REQUIRED', '答复申诉时请写明调查核实的结论');
  const cmd: ViolationCommand = { type: 'answer', outcome: input.outcome, finding, ...(input.reducedTo ? { reducedTo: input.reducedTo } : {}) };
  return textFirst(ctx, [finding], () => decide(ctx, input.caseId, cmd));
}

export async function violationEscalate(ctx: HandlerCtx, input: ActionInput<'violation.escalate'>) {
  const reasons = input.reasons.trim();
  if (!reasons) return fail('REASON_REQUIRED', '向上级领导申诉时请写明理由');
  return textFirst(ctx, [reasons], () => decide(ctx, input.caseId, { type: 'escalate', reasons }));
}

export async function violationRule(ctx: HandlerCtx, input: ActionInput<'violation.rule'>) {
  const finding = input.finding.trim();
  if (!finding) return fail('REASON_REQUIRED', '最终裁决时请写明理由');
  const cmd: ViolationCommand = { type: 'rule', outcome: input.outcome, finding, ...(input.reducedTo ? { reducedTo: input.reducedTo } : {}) };
  return textFirst(ctx, [finding], () => decide(ctx, input.caseId, cmd));
}

export async function violationConfirmTask(ctx: HandlerCtx, input: ActionInput<'violation.confirmTask'>) {
  const note = input.note?.trim() || undefined;
  return textFirst(ctx, [note], () => decide(ctx, input.caseId, note ? { type: 'confirmTask', note } : { type: 'confirmTask' }));
}
