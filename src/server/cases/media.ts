// Image verdicts reaching the case that attaches the image: one system step per image still pending
// there (the kind's `mediaVerdict`), so a risky image is hidden and the admins told. Reached from
// both sides of a race — the verdict's push (handlers/media-verdict.ts) and the case's attachUploads
// effect (effects.ts) — and idempotent, so whichever comes second changes nothing.
import { decide, SYSTEM } from '../../core/engine';
import { kindOf } from '../../core/kinds';
import type { Case, UploadDoc } from '../../core/model';
import { labelName } from '../content';
import type { Deps } from '../ports';
import { loadGroupContext } from '../reads/group-context';
import { settingsAt } from '../reads/settings';
import { loadCase, writeStep } from './write';

/** Step `caseId` with each decided verdict among `uploads`; the cases written, whose outboxes are still to leave. */
export async function applyMediaVerdicts(deps: Deps, caseId: string, uploads: UploadDoc[], now: number): Promise<Case[]> {
  const { store } = deps;
  const written: Case[] = [];
  for (const u of uploads) {
    const verdict = u.check.status;
    if (verdict !== 'pass' && verdict !== 'risky') continue;
    const saved = await writeStep(
      deps,
      caseId,
      loadCase(deps),
      async ({ case: c }) => {
        const [settings, gc] = await Promise.all([settingsAt(store, c.settingsVersion), loadGroupContext(store, c.groupId)]);
        const cmd = { type: 'mediaVerdict' as const, fileId: u.fileId, verdict, ...(verdict === 'risky' ? { label: labelName(u.check.label) } : {}) };
        return decide(kindOf(c), c, cmd, SYSTEM, { now, settings: settings.values, admins: gc?.admins ?? [], leaders: gc?.leaders ?? [] });
      },
      () => true,
    );
    // A refusal: the case has no such image waiting (recorded already, or never attached).
    if (!('ok' in saved)) written.push(saved);
  }
  return written;
}
