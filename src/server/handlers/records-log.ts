// The record-access log of one request, for the group's admins and leader (§6.2, R12).
import { fail, ok, type ActionInput, type FileAccessView, type PersonRef, type Result } from '../../contract';
import type { RecordAccessCase } from '../../core/kinds/record-access';
import { rolesIn, type HandlerCtx } from '../context';

export async function recordsLog(ctx: HandlerCtx, input: ActionInput<'records.log'>): Promise<Result<{ items: FileAccessView[] }>> {
  const { store } = ctx.deps;
  const found = await store.getCaseWithAccessLog(input.caseId);
  if (!found) return fail('NOT_FOUND');
  const { case: c, log: entries } = found;
  const roles = rolesIn(ctx.actor, c.groupId);
  if (c.kind !== 'record_access' || !(roles.includes('admin') || roles.includes('leader'))) return fail('NOT_FOUND');
  const backupIds = [...new Set(entries.map((e) => e.backupId))];
  // The grant kept its files' names; only a case approved before that reads the backups.
  const granted = (c as RecordAccessCase).data.files;
  const [people, backups] = await Promise.all([
    store.getPeople([...new Set(entries.map((e) => e.personId).filter((p): p is string => !!p))]),
    granted ? granted : backupIds.length ? store.getBackups(backupIds) : [],
  ]);
  const names = new Map(people.map((p) => [p._id, p.name]));
  const fileNames = new Map(backups.map((b) => [b._id, b.fileName]));
  const ref = (id: string | null): PersonRef | null => (id ? { id, name: names.get(id) ?? '（未知）' } : null);
  return ok({
    items: entries.map((e) => ({
      id: e._id,
      type: e.type,
      at: e.at,
      person: ref(e.personId),
      backupId: e.backupId,
      fileName: fileNames.get(e.backupId) ?? null,
      expiresAt: e.expiresAt,
      ...(e.note ? { note: e.note } : {}),
    })),
  });
}
