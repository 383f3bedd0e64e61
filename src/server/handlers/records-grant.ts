// What an approved request reaches: its backups, the expiry, and a short-lived link per file that
// is logged when issued. After expiry or revocation no link is issued.
import { randomUUID } from 'node:crypto';
import { fail, ok, STATE_LABELS, type AccessFileView, type AccessGrantView, type ActionInput, type Result } from '../../contract';
import { citationOf, overlapping } from '../../core/backups';
import type { FileAccessDoc } from '../../core/model';
import { grantedFile, isGrantActive, type GrantedFile, type RecordAccessCase } from '../../core/kinds/record-access';
import type { HandlerCtx } from '../context';
import { settingsAt } from '../reads/settings';
import { canSeeCase } from '../reads/views';

const MINUTE = 60_000;

async function loadGrant(ctx: HandlerCtx, caseId: string): Promise<RecordAccessCase | null> {
  const c = await ctx.deps.store.getCase(caseId);
  if (!c || c.kind !== 'record_access' || !canSeeCase(ctx.actor, c)) return null;
  return c as RecordAccessCase;
}

async function grantedBackups(ctx: HandlerCtx, c: RecordAccessCase): Promise<GrantedFile[]> {
  // Before a decision: what approving now would grant, so the admin sees it.
  if (c.state === 'submitted') return overlapping(await ctx.deps.store.listBackups(c.groupId), { from: c.data.from, to: c.data.to });
  if (c.data.files) return c.data.files;
  const ids = c.data.backupIds ?? [];
  // One query for all of them, listed in the order the decision granted them.
  const found = new Map((await ctx.deps.store.getBackups(ids)).map((b) => [b._id, b]));
  return ids.flatMap((id) => {
    const b = found.get(id);
    return b && b.groupId === c.groupId ? [grantedFile(b)] : [];
  });
}

export async function recordsGrant(ctx: HandlerCtx, input: ActionInput<'records.grant'>): Promise<Result<AccessGrantView>> {
  const c = await loadGrant(ctx, input.caseId);
  if (!c) return fail('NOT_FOUND');
  const [settings, backups] = await Promise.all([settingsAt(ctx.deps.store, c.settingsVersion), grantedBackups(ctx, c)]);
  const groupName = c.data.groupName;
  const files: AccessFileView[] = backups.map((b) => ({
    backupId: b._id,
    from: b.from,
    to: b.to,
    fileName: b.fileName,
    storage: b.storage,
    location: b.location,
    sha256: b.sha256,
    citation: citationOf(b, groupName),
  }));
  return ok({
    caseId: c._id,
    state: c.state,
    stateLabel: STATE_LABELS[c.state] ?? c.state,
    group: { id: c.groupId, name: groupName },
    from: c.data.from,
    to: c.data.to,
    expiresAt: c.data.expiresAt ?? null,
    active: isGrantActive(c, ctx.now),
    files,
    linkTtlMinutes: settings.values.access.linkTtlMinutes,
    defaultDays: settings.values.access.defaultDays,
    maxDays: settings.values.access.maxDays,
    mine: c.subjectId === ctx.actor.person._id,
  });
}

export async function recordsLink(ctx: HandlerCtx, input: ActionInput<'records.link'>): Promise<Result<{ url: string; expiresAt: number; fileName: string | null }>> {
  const { store, files } = ctx.deps;
  const c = await loadGrant(ctx, input.caseId);
  if (!c) return fail('NOT_FOUND');
  // The grant is the member's own: an admin reads backups from where they keep them.
  if (c.subjectId !== ctx.actor.person._id) return fail('FORBIDDEN', '下载链接只发给获得授权的申请人本人');
  if (!isGrantActive(c, ctx.now)) return fail('ACCESS_NOT_ACTIVE');
  if (!(c.data.backupIds ?? []).includes(input.backupId)) return fail('NOT_GRANTED');
  const b = c.data.files ? c.data.files.find((f) => f._id === input.backupId) : await backupOfGroup(ctx, c, input.backupId);
  if (!b) return fail('NOT_GRANTED');
  if (b.storage !== 'cloud' || !b.fileId) {
    return fail('FILE_INVALID', `这份备份保存在本地（${b.location ?? '未注明位置'}），请联系管理员线下查阅`);
  }
  const settings = (await settingsAt(store, c.settingsVersion)).values;
  const expiresAt = Math.min(c.data.expiresAt as number, ctx.now + settings.access.linkTtlMinutes * MINUTE);
  const entry: FileAccessDoc = {
    _id: `fl_${randomUUID().replace(/-/g, '')}`,
    type: 'link',
    caseId: c._id,
    groupId: c.groupId,
    backupId: b._id,
    fileId: b.fileId,
    personId: ctx.actor.person._id,
    at: ctx.now,
    expiresAt,
  };
  const url = await files.link(b.fileId, expiresAt, entry._id);
  // Logged before the link leaves: a link nobody can account for is never handed out.
  await store.insertFileAccess(entry);
  return ok({ url, expiresAt, fileName: b.fileName });
}

async function backupOfGroup(ctx: HandlerCtx, c: RecordAccessCase, id: string): Promise<GrantedFile | undefined> {
  const b = await ctx.deps.store.getBackup(id);
  return b && b.groupId === c.groupId ? b : undefined;
}
