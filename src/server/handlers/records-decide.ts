// approve (with an expiry) / reject / withdraw / revoke a record-access request: steps of its table
// (core/kinds/record-access.ts). Approval grants exactly the backups whose period overlaps the range.
import { fail, type ActionInput, type Failure, type SettingsValues } from '../../contract';
import type { Command } from '../../core/engine';
import { overlapping } from '../../core/backups';
import { grantedFile, grantExpiry, type RecordAccessCase } from '../../core/kinds/record-access';
import type { BackupDoc, Case } from '../../core/model';
import { checkText } from '../content';
import type { HandlerCtx } from '../context';
import { stepCase } from './case-step';

export async function recordsApprove(ctx: HandlerCtx, input: ActionInput<'records.approve'>) {
  const note = input.note?.trim() || undefined;
  const refused = await checkText(ctx, [note]);
  if (refused) return refused;
  const { store } = ctx.deps;
  return stepCase<{ case: Case; backups: BackupDoc[] }>(
    ctx,
    input.caseId,
    ['record_access'],
    (c, { settings, loaded }) => approveCommand(c as RecordAccessCase, loaded.backups, settings, ctx.now, input.days, note),
    // Only an approval grants backups: it reads the group's with the case, in one round trip a try.
    { load: (id) => store.getCaseWithGroupBackups(id) },
  );
}

/** The approval of a record-access request for `days` (default: the settings'): the group's backups overlapping the range. */
export function approveCommand(c: RecordAccessCase, backups: BackupDoc[], settings: SettingsValues, now: number, days: number | undefined, note?: string): Command | Failure {
  const expiresAt = grantExpiry(now, days ?? settings.access.defaultDays, settings.access);
  if (expiresAt === null) return fail('EXPIRY_INVALID', `有效期最长 ${settings.access.maxDays} 天，请重新选择`);
  const granted = overlapping(backups, { from: c.data.from, to: c.data.to });
  return { type: 'approve', expiresAt, backupIds: granted.map((b) => b._id), files: granted.map(grantedFile), ...(note ? { note } : {}) };
}

export async function recordsReject(ctx: HandlerCtx, input: ActionInput<'records.reject'>) {
  const reason = input.reason.trim();
  return (await checkText(ctx, [reason])) ?? stepCase(ctx, input.caseId, ['record_access'], { type: 'reject', reason });
}

export async function recordsWithdraw(ctx: HandlerCtx, input: ActionInput<'records.withdraw'>) {
  return stepCase(ctx, input.caseId, ['record_access'], { type: 'withdraw' });
}

export async function recordsRevoke(ctx: HandlerCtx, input: ActionInput<'records.revoke'>) {
  const reason = input.reason?.trim() || undefined;
  return (await checkText(ctx, [reason])) ?? stepCase(ctx, input.caseId, ['record_access'], { type: 'revoke', reason });
}
