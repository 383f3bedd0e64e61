// One step on an existing case of the given kinds: the pure decision under the settings the case was
// opened with, the versioned save, the roster effects, and the case as the caller now sees it.
import { fail, ok, type CaseKind, type CaseView, type Result, type SettingsValues } from '../../contract';
import type { CaseActor, Decision } from '../../core/case';
import type { Case } from '../../core/model';
import { rolesIn, type HandlerCtx } from '../context';
import { decideAndSave } from '../cases/commit';
import { settingsAt } from '../reads/settings';
import { canSeeCase, toCaseViews } from '../reads/views';
import { loadGroupContext, type GroupContext } from '../reads/group-context';

export interface StepEnv {
  actor: CaseActor;
  now: number;
  settings: SettingsValues;
  group: GroupContext | null;
}

export async function stepCase(
  ctx: HandlerCtx,
  caseId: string,
  kinds: CaseKind[],
  decide: (c: Case, env: StepEnv) => Promise<Decision<Case>> | Decision<Case>,
): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const saved = await decideAndSave(
    ctx.deps,
    caseId,
    async (c) => {
      if (!kinds.includes(c.kind)) return { ok: false, code: 'NOT_FOUND' };
      const [settings, group] = await Promise.all([settingsAt(store, c.settingsVersion), loadGroupContext(store, c.groupId)]);
      return decide(c, { actor: { id: actor.person._id, rolesInGroup: rolesIn(actor, c.groupId) }, now, settings: settings.values, group });
    },
    (c) => canSeeCase(actor, c),
  );
  if ('ok' in saved) return saved;
  return ok((await toCaseViews(store, actor, [saved], true, { now: now }))[0]);
}

export function failed(code: Parameters<typeof fail>[0], message?: string) {
  return fail(code, message);
}
