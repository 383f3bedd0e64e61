// Every step after the decision — the leader's measure, appeal, accept, answer, escalate, ruling,
// the admin confirming the WeChat task — as steps of the violation table (core/kinds/violation.ts).
import type { ActionInput } from '../../contract';
import type { Command } from '../../core/engine';
import { checkText } from '../content';
import type { HandlerCtx } from '../context';
import { stepCase } from './case-step';
import { checkFiles } from './violation-files';

async function step(ctx: HandlerCtx, caseId: string, texts: (string | undefined)[], cmd: Command) {
  return (await checkText(ctx, texts)) ?? stepCase(ctx, caseId, ['violation'], cmd);
}

export async function violationDecideMeasure(ctx: HandlerCtx, input: ActionInput<'violation.decideMeasure'>) {
  const reason = input.reason.trim();
  return step(ctx, input.caseId, [reason], { type: 'decideMeasure', measure: input.measure, reason });
}

export async function violationAppeal(ctx: HandlerCtx, input: ActionInput<'violation.appeal'>) {
  const reasons = input.reasons.trim();
  const files = await checkFiles(ctx, input.evidence);
  if ('ok' in files) return files;
  return step(ctx, input.caseId, [reasons], { type: 'appeal', reasons, evidence: files.fileIds, media: files.media });
}

export async function violationAccept(ctx: HandlerCtx, input: ActionInput<'violation.accept'>) {
  return stepCase(ctx, input.caseId, ['violation'], { type: 'accept' });
}

export async function violationAnswer(ctx: HandlerCtx, input: ActionInput<'violation.answer'>) {
  const finding = input.finding.trim();
  return step(ctx, input.caseId, [finding], { type: 'answer', outcome: input.outcome, finding, ...(input.reducedTo ? { reducedTo: input.reducedTo } : {}) });
}

export async function violationEscalate(ctx: HandlerCtx, input: ActionInput<'violation.escalate'>) {
  const reasons = input.reasons.trim();
  return step(ctx, input.caseId, [reasons], { type: 'escalate', reasons });
}

export async function violationRule(ctx: HandlerCtx, input: ActionInput<'violation.rule'>) {
  const finding = input.finding.trim();
  return step(ctx, input.caseId, [finding], { type: 'rule', outcome: input.outcome, finding, ...(input.reducedTo ? { reducedTo: input.reducedTo } : {}) });
}

export async function violationConfirmTask(ctx: HandlerCtx, input: ActionInput<'violation.confirmTask'>) {
  const note = input.note?.trim() || undefined;
  return step(ctx, input.caseId, [note], note ? { type: 'confirmTask', note } : { type: 'confirmTask' });
}
