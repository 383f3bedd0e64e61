// The one way in: parse with the contract → load the actor → check the role → a required reason → run the handler.
// Both the cloud function and the local host call this with the OPENID they trust.
import { actions, fail, reasonSchema, UNBOUND_ACTIONS, type ActionName, type Result } from '../contract';
import type { Role } from '../contract';
import { loadActor } from './context';
import { handlers, unboundHandlers, type Handler } from './handlers';
import { inputFailure } from './input-errors';
import { actorQuery, checkRequestLimit, REQUEST_KINDS } from './limits';
import { currentSettings } from './reads/settings';
import type { Deps } from './ports';

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export async function dispatch(deps: Deps, event: unknown, openid: string | null): Promise<Result<unknown>> {
  try {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return fail('BAD_INPUT', '请求内容必须是一个对象');
    const { action, data } = event as { action?: unknown; data?: unknown };
    if (typeof action !== 'string') return fail('UNKNOWN_ACTION', '请求缺少操作名称');
    if (!hasOwn(actions, action)) return fail('UNKNOWN_ACTION', `不支持的操作：${action.slice(0, 40)}`);
    const def = actions[action as ActionName];
    // callFunction without data sends none; null or any other non-object is malformed.
    const parsed = def.input.safeParse(data === undefined ? {} : data);
    if (!parsed.success) return inputFailure(parsed.error.issues as never);
    const now = deps.clock.now();
    if (UNBOUND_ACTIONS.includes(action as ActionName)) {
      // Reached before any person is bound to this OPENID (accepting an invitation).
      if (!openid) return fail('UNAUTHENTICATED');
      return await unboundHandlers[action as keyof typeof unboundHandlers]({ deps, openid, now }, parsed.data as never);
    }
    const actor = await loadActor(deps, openid, now, actorQuery(action as ActionName, now, parsed.data));
    if ('ok' in actor) return actor;
    if (!actor.roles.some((r) => (def.roles as readonly Role[]).includes(r))) return fail('FORBIDDEN');
    // A blank required reason (REASON_REQUIRED): after the role gate, before any case is read or written.
    const reason = reasonSchema(action as ActionName)?.safeParse(parsed.data);
    if (reason && !reason.success) return inputFailure(reason.error.issues as never);
    // Past the hourly limit for new requests of this kind: refused before anything is written.
    if (REQUEST_KINDS[action as ActionName]) {
      const limited = checkRequestLimit(action as ActionName, actor, (await currentSettings(deps.store)).values.limits, now);
      if (limited) return limited;
    }
    const handler = handlers[action as ActionName] as Handler<ActionName>;
    return await handler({ deps, actor, now }, parsed.data as never);
  } catch (err) {
    // Never hand internals to the caller; the log keeps them for the operator.
    console.error('dispatch failed', err);
    return fail('INTERNAL');
  }
}
