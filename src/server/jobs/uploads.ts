// Uploads nothing uses are removed a day after they were made: first the record (only while still
// unused, so an attachment made at that moment keeps the file), then the file in storage. Whatever
// attaches an upload marks it used (store.attachUploads: cases by their attachUploads effect); a
// backup registered with one is found here and marked then.
import type { Deps } from '../ports';
import { UNUSED_UPLOAD_TTL_MS } from '../reads/files';
import { UNLIMITED, type Budget } from './budget';

const BATCH = 100;

export async function runUploadCleanup(deps: Deps, now = deps.clock.now(), budget: Budget = UNLIMITED): Promise<number> {
  const { store } = deps;
  let removed = 0;
  if (budget.expired()) return 0;
  for (const u of await store.listStaleUploads(now - UNUSED_UPLOAD_TTL_MS, BATCH)) {
    if (budget.expired()) break;
    try {
      const backups = await store.findBackupsByFile(u.fileId);
      if (backups.length) {
        await store.attachUploads([u._id], `backup:${backups[0]._id}`);
        continue;
      }
      if (!(await store.deleteUnusedUpload(u._id))) continue;
      await deps.files.remove(u.fileId);
      removed++;
    } catch (err) {
      // It is listed again on the next run.
      console.error('upload cleanup failed', u._id, err);
    }
  }
  return removed;
}
