// The one step function every case step handler goes through: the command decided by the kind's
// table under the settings the case was opened with, the versioned save with its effects and
// notices, and the case as the caller now sees it. Filing a new case answers the same way (fileCase).
import { fail, ok, type CaseKind, type CaseView, type Failure, type Result, type SettingsValues } from '../../contract';
import { decide, refuse, type CaseActor, type Command, type Decision, type KindContext, type Refusal } from '../../core/engine';
import { kindOf } from '../../core/kinds';
import type { Case } from '../../core/model';
import { decideLoadedAndSave, insertNew } from '../cases/commit';
import { loadCase } from '../cases/write';
import { caseActorOf, type HandlerCtx } from '../context';
import { loadGroupContext, type GroupContext } from '../reads/group-context';
import { settingsAt } from '../reads/settings';
import { canSeeCase, toCaseViews } from '../reads/views';

export interface StepEnv<L> {
  now: number;
  settings: SettingsValues;
  /** The group as it now stands; loaded only when the kind or the handler needs it. */
  group: GroupContext | null;
  loaded: L;
}

export interface StepOptions<L> {
  /** Read the case together with what building the command needs (one round trip), on every try. */
  load?: (caseId: string) => Promise<L | null>;
  /** The handler's command needs the group (e.g. to check a successor is still a member). */
  group?: boolean;
  /** Who may reach the case by this step, when not those who may read it (e.g. a member seconding the group's feedback). */
  canSee?: (c: Case) => boolean;
}

const isRefusal = (x: Command | Refusal): x is Refusal => (x as Refusal).ok === false;

/**
 * One step on a case of one of `kinds`. `command` is the command, or builds it from the case as
 * read on this try (it may refuse, before the table is asked).
 */
export async function stepCase<L extends { case: Case } = { case: Case }>(
  ctx: HandlerCtx,
  caseId: string,
  kinds: CaseKind[],
  command: Command | ((c: Case, env: StepEnv<L>) => Command | Refusal),
  opts: StepOptions<L> = {},
): Promise<Result<CaseView>> {
  const saved = await stepCaseWith<L>(
    ctx,
    caseId,
    (c, env, who, kctx) => {
      if (!kinds.includes(c.kind)) return refuse('NOT_FOUND');
      const cmd = typeof command === 'function' ? command(c, env) : command;
      return isRefusal(cmd) ? cmd : decide(kindOf(c), c, cmd, who, kctx);
    },
    opts,
  );
  if ('ok' in saved) return saved;
  return caseView(ctx, saved);
}

/** One case as the caller sees it on the case page after acting on it: its history, and links to its files (for kinds that have any). */
export async function caseView(ctx: HandlerCtx, c: Case): Promise<Result<CaseView>> {
  return ok((await toCaseViews(ctx.deps.store, ctx.actor, [c], true, { now: ctx.now, files: ctx.deps.files }))[0]);
}

/** File a new case (a repeated request id answers with the case filed before) and answer with it, if the caller may see it. */
export async function fileCase(ctx: HandlerCtx, c: Case): Promise<Result<CaseView>> {
  const { case: saved } = await insertNew(ctx.deps, c);
  return canSeeCase(ctx.actor, saved) ? caseView(ctx, saved) : fail('NOT_FOUND');
}

/**
 * The same pipeline for any decision on one case, the table's `decide` or an engine-level step
 * (hand over, nudge): the case as read on this try, its settings and (when needed) group, the caller
 * as the engine sees them; saved with the version check, retried on a lost race. The saved case, or why not.
 */
export async function stepCaseWith<L extends { case: Case } = { case: Case }>(
  ctx: HandlerCtx,
  caseId: string,
  decideOn: (c: Case, env: StepEnv<L>, who: CaseActor, kctx: KindContext) => Decision<Case> | Refusal | Promise<Decision<Case> | Refusal>,
  opts: StepOptions<L> = {},
): Promise<Case | Failure> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const load = opts.load ?? (loadCase(ctx.deps) as unknown as (id: string) => Promise<L | null>);
  return decideLoadedAndSave(
    ctx.deps,
    caseId,
    load,
    async (loaded) => {
      const c = loaded.case;
      const spec = kindOf(c);
      const [settings, group] = await Promise.all([
        settingsAt(store, c.settingsVersion),
        spec.needsGroup || opts.group ? loadGroupContext(store, c.groupId) : null,
      ]);
      const env: StepEnv<L> = { now, settings: settings.values, group, loaded };
      return decideOn(c, env, caseActorOf(actor, c.groupId), { now, settings: settings.values, admins: group?.admins ?? [], leaders: group?.leaders ?? [] });
    },
    opts.canSee ?? ((c) => canSeeCase(actor, c)),
  );
}
