// TEMPORARY: replaced by the per-action fixtures of test/reliability/fixture.ts.
import type { ActionInput, ActionName } from '../../src/contract';
import { makeWorld, requestId, type World, type WorldOptions } from '../server/harness';
import { samples } from './samples';

export async function successCall(action: ActionName, opts: WorldOptions = {}): Promise<{ w: World; personId: string; openid?: string; data: ActionInput<ActionName> }> {
  const w = await makeWorld(opts);
  const filed = await w.okCall('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: requestId() });
  const data = { ...(samples[action] as Record<string, unknown>) };
  if ('caseId' in data) data.caseId = filed.id;
  if (action === 'rename.submit') Object.assign(data, { groupId: 'g_projecta', nickname: '马超-技术部' });
  const actorFor: Partial<Record<ActionName, string>> = { 'rename.approve': 'p_liuyang', 'rename.reject': 'p_liuyang', 'inbox.list': 'p_liuyang', 'settings.get': 'p_zhaomin', 'settings.update': 'p_zhaomin' };
  return { w, personId: actorFor[action] ?? (action === 'rename.submit' ? 'p_machao' : 'p_huanglei'), data: data as ActionInput<ActionName> };
}
