// Confirming what was done by hand in WeChat (add, remove, nickname fixed, guest added/removed),
// and the leader's acknowledgement of a filing.
import type { ActionInput } from '../../contract';
import { checkText } from '../content';
import type { HandlerCtx } from '../context';
import { stepCase } from './case-step';

export async function tasksConfirm(ctx: HandlerCtx, input: ActionInput<'tasks.confirm'>) {
  const note = input.note?.trim() || undefined;
  return (await checkText(ctx, [note])) ?? stepCase(ctx, input.caseId, ['onboard', 'offboard', 'naming_fix', 'guest'], { type: 'confirm', note });
}

export async function casesAcknowledge(ctx: HandlerCtx, input: ActionInput<'cases.acknowledge'>) {
  return stepCase(ctx, input.caseId, ['admin_filing'], { type: 'acknowledge' });
}
