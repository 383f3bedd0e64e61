// Per-person rate limits (settings.limits, per rolling hour) and what dispatch reads with the actor
// for them, in the one getActor round trip: the cases the caller opened in the last hour (requests),
// their uploads of the last day (what they may attach; uploads in the last hour).
import { actions, fail, type ActionName, type CaseKind, type Failure, type Role, type SettingsValues } from '../contract';
import { formatShanghai } from '../core/time';
import type { Actor } from './context';
import type { ActorQuery } from './ports';
import { uploadKey, uploadsInLastHour } from './reads/files';

const HOUR = 3_600_000;

/** Actions that file a new request, with the kind of case each opens (counted per kind). */
export const REQUEST_KINDS: Partial<Record<ActionName, CaseKind>> = {
  'rename.submit': 'rename',
  'records.request': 'record_access',
  'guests.request': 'guest',
  'admins.applyChange': 'admin_change',
  'elections.open': 'election',
  'feedback.submit': 'feedback',
  // Each start alerts a whole group.
  'emergencies.start': 'emergency',
};

/**
 * Actions that attach uploads (or record one), with the files their input names: the actor comes
 * with those upload records, so checkOwnFiles reads nothing more. Add an action that takes files here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const noticeFiles = (i: { attachments?: { fileId: string }[] }) => (i.attachments ?? []).map((a) => a.fileId);
export const FILE_INPUTS: Partial<Record<ActionName, (input: any) => (string | undefined)[]>> = {
  'violation.open': (i: { evidence?: string[] }) => i.evidence ?? [],
  'violation.appeal': (i: { evidence?: string[] }) => i.evidence ?? [],
  'backups.register': (i: { fileId?: string }) => [i.fileId],
  'files.record': (i: { fileId: string }) => [i.fileId],
  'notices.preview': noticeFiles,
  'notices.publish': noticeFiles,
  'notices.correct': noticeFiles,
  'emergencies.start': (i: { images?: string[] }) => i.images ?? [],
  'feedback.submit': (i: { images?: string[] }) => i.images ?? [],
  // A copy of an exported workbook, uploaded to check it against the export log.
  'reports.verifyExport': (i: { fileId?: string }) => [i.fileId],
};
/** Actions that count the caller's uploads of the last hour. */
const UPLOADING: readonly ActionName[] = ['files.record'];

/** What getActor reads besides the person for this action and input, or nothing. */
export function actorQuery(action: ActionName, now: number, input: unknown): ActorQuery | undefined {
  const q: ActorQuery = {};
  if (REQUEST_KINDS[action]) q.openedSince = now - HOUR;
  // Only admins and leaders name or act as delegates (代理): their steps read who delegated to them.
  const roles = actions[action].roles as readonly Role[];
  if (roles.includes('admin') || roles.includes('leader')) q.delegationsAt = now;
  // Setting, clearing or showing one's own delegation reads it (and the named delegate's) with the caller.
  if (action.startsWith('delegations.')) q.delegationsOf = action === 'delegations.set' ? [String((input as { delegateId?: unknown }).delegateId)] : [];
  if (UPLOADING.includes(action)) q.uploadsSince = now - HOUR;
  const files = FILE_INPUTS[action]?.(input).filter((f): f is string => typeof f === 'string') ?? [];
  if (files.length) q.uploadIds = [...new Set(files.map(uploadKey))];
  return Object.keys(q).length ? q : undefined;
}

/**
 * RATE_LIMITED when `times` (what the person did in the last hour) already holds `max`, saying
 * when to try again: once the earliest of them is an hour old.
 */
export function rateLimited(times: number[], max: number, now: number, what: string): Failure | null {
  const recent = times.filter((t) => t > now - HOUR).sort((a, b) => a - b);
  if (recent.length < max) return null;
  const again = recent[recent.length - max] + HOUR;
  return fail('RATE_LIMITED', `操作过于频繁：每小时最多${what} ${max} 次，请于 ${formatShanghai(again, 'HH:mm')} 后再试`);
}

/** A new request past the hourly limit for its kind. */
export function checkRequestLimit(action: ActionName, actor: Actor, limits: SettingsValues['limits'], now: number): Failure | null {
  const kind = REQUEST_KINDS[action];
  if (!kind || !actor.opened) return null;
  return rateLimited(
    actor.opened.filter((c) => c.kind === kind).map((c) => c.createdAt),
    limits.requestsPerHour,
    now,
    '提交同类申请',
  );
}

/** One more upload past the hourly limit. */
export function checkUploadLimit(actor: Pick<Actor, 'uploads' | 'person'>, limits: SettingsValues['limits'], now: number): Failure | null {
  return rateLimited(
    uploadsInLastHour(actor.uploads, actor.person._id, now).map((u) => u.uploadedAt),
    limits.uploadsPerHour,
    now,
    '上传文件',
  );
}

/** A reminder a person asks to send, past the hourly limit (`sent`: when they asked for the earlier ones). */
export function checkReminderLimit(sent: number[], limits: SettingsValues['limits'], now: number): Failure | null {
  return rateLimited(sent, limits.remindersPerHour, now, '发送催办提醒');
}
