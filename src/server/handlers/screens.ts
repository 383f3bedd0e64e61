// One call per screen (issue 20): 首页, 待办 and 我的 each open with one action that answers what the
// screen shows, within the budget of any action: the actor, then one getScreen (or the inbox page).
import { ok, SCREEN_PAGE, type HomeScreen, type InboxScreen, type MeScreen, type Result } from '../../contract';
import { actions } from '../../contract';
import type { HandlerCtx } from '../context';
import { toCaseViews } from '../reads/views';
import { inboxList } from './cases';
import { activeEmergencyGroups, activeEmergencyViews } from './emergencies';
import { noticesToAckView } from './notices';
import { whoamiWith } from './whoami';

const page = { offset: 0, limit: SCREEN_PAGE };

export async function homeLoad(ctx: HandlerCtx): Promise<Result<HomeScreen>> {
  const { store } = ctx.deps;
  const screen = store.getScreen(ctx.actor.person._id, {
    grants: true,
    cases: page,
    unread: true,
    noticesToAck: page,
    open: { kind: 'emergency', groupIds: activeEmergencyGroups(ctx.actor) },
  });
  const [me, s] = await Promise.all([whoamiWith(ctx, screen.then((r) => r.grants ?? [])), screen]);
  const [cases, notices, emergencies] = await Promise.all([
    toCaseViews(store, ctx.actor, s.cases?.items ?? [], false, { now: ctx.now }),
    noticesToAckView(ctx, s.noticesToAck ?? { items: [], total: 0 }, page),
    activeEmergencyViews(ctx, s.open ?? []),
  ]);
  return ok({ me, cases: { items: cases, total: s.cases?.total ?? 0, ...page }, unread: s.unread ?? 0, notices, emergencies });
}

export async function inboxLoad(ctx: HandlerCtx): Promise<Result<InboxScreen>> {
  const { roles } = ctx.actor;
  // The same page inbox.list answers, for whoever inbox.list lets in; a member only has nothing waiting.
  const decides = roles.some((r) => (actions['inbox.list'].roles as readonly string[]).includes(r));
  if (!decides) return ok({ roles, inbox: null });
  const r = await inboxList(ctx, page);
  return r.ok ? ok({ roles, inbox: r.data }) : r;
}

export async function meLoad(ctx: HandlerCtx): Promise<Result<MeScreen>> {
  const screen = ctx.deps.store.getScreen(ctx.actor.person._id, { grants: true, unread: true });
  const [me, s] = await Promise.all([whoamiWith(ctx, screen.then((r) => r.grants ?? [])), screen]);
  return ok({ me, unread: s.unread ?? 0 });
}
