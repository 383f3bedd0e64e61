import { ok, type ActionInput, type Result } from '../../contract';
import type { HandlerCtx } from '../context';
import { currentSettings } from '../reads/settings';

/** Each 允许 in requestSubscribeMessage is one message we may send later: count them. */
export async function subscriptionsRecord(
  ctx: HandlerCtx,
  input: ActionInput<'subscriptions.record'>,
): Promise<Result<{ grants: Record<string, number> }>> {
  const { store } = ctx.deps;
  const me = ctx.actor.person._id;
  const settings = await currentSettings(store);
  const known = new Set(Object.values(settings.values.templates));
  for (const [templateId, answer] of Object.entries(input.results)) {
    // A template we never ask for cannot be sent: counting it would only mislead.
    if (known.has(templateId) && answer === 'accept') await store.addGrants(me, templateId, 1, ctx.now);
  }
  const grants: Record<string, number> = Object.fromEntries([...known].map((t) => [t, 0]));
  for (const g of await store.listGrants(me)) if (known.has(g.templateId)) grants[g.templateId] = g.count;
  return ok({ grants });
}
