// Confirming what was done by hand in WeChat (add, remove, nickname fixed, guest added/removed),
// and the leader's acknowledgement of a filing.
import type { ActionInput } from '../../contract';
import { decideAdminFiling, type AdminFilingCase } from '../../core/admin-filing';
import { decideGuest, type GuestCase } from '../../core/guest';
import { decideTask, type TaskCase } from '../../core/task';
import type { HandlerCtx } from '../context';
import { checkText } from '../content';
import { stepCase } from './case-step';

export async function tasksConfirm(ctx: HandlerCtx, input: ActionInput<'tasks.confirm'>) {
  const note = input.note?.trim() || undefined;
  const refused = await checkText(ctx, [note]);
  if (refused) return refused;
  return stepCase(ctx, input.caseId, ['onboard', 'offboard', 'naming_fix', 'guest'], (c, env) =>
    c.kind === 'guest'
      ? decideGuest(c as GuestCase, { type: 'confirm', note }, env.actor, env)
      : decideTask(c as TaskCase, { type: 'confirm', note }, env.actor, { ...env, leaders: env.group?.leaders ?? [] }),
  );
}

export async function casesAcknowledge(ctx: HandlerCtx, input: ActionInput<'cases.acknowledge'>) {
  return stepCase(ctx, input.caseId, ['admin_filing'], (c, env) => decideAdminFiling(c as AdminFilingCase, { type: 'acknowledge' }, env.actor, env.now));
}
