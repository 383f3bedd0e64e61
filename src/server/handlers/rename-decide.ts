// approve / reject / withdraw a rename request: steps of its table (core/kinds/rename.ts).
import type { ActionInput } from '../../contract';
import { checkText } from '../content';
import type { HandlerCtx } from '../context';
import { stepCase } from './case-step';

export async function renameApprove(ctx: HandlerCtx, input: ActionInput<'rename.approve'>) {
  const note = input.note?.trim() || undefined;
  return (await checkText(ctx, [note])) ?? stepCase(ctx, input.caseId, ['rename'], { type: 'approve', note });
}

export async function renameReject(ctx: HandlerCtx, input: ActionInput<'rename.reject'>) {
  const reason = input.reason.trim();
  return (await checkText(ctx, [reason])) ?? stepCase(ctx, input.caseId, ['rename'], { type: 'reject', reason });
}

export async function renameWithdraw(ctx: HandlerCtx, input: ActionInput<'rename.withdraw'>) {
  return stepCase(ctx, input.caseId, ['rename'], { type: 'withdraw' });
}
