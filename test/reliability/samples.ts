// A schema-valid input for every action, in the demo organisation. New actions must add one here:
// the reliability suite fails for an action it cannot exercise.
import { DEFAULT_SETTINGS, type ActionInput, type ActionName } from '../../src/contract';

export type Samples = { [A in ActionName]: ActionInput<A> };

export const samples: Samples = {
  'session.whoami': {},
  'rename.preview': { groupId: 'g_market' },
  'rename.submit': { groupId: 'g_market', nickname: '黄磊-市场部', requestId: 'sample-request-0001' },
  'rename.withdraw': { caseId: 'rn_sample' },
  'rename.approve': { caseId: 'rn_sample' },
  'rename.reject': { caseId: 'rn_sample', reason: '部门写错了' },
  'cases.mine': { offset: 0, limit: 10 },
  'cases.get': { caseId: 'rn_sample' },
  'inbox.list': {},
  'notifications.list': { unreadOnly: true },
  'notifications.read': { ids: ['n1'] },
  'subscriptions.record': { results: { TPL_NEW_TASK: 'accept' } },
  'settings.get': {},
  'settings.update': { values: DEFAULT_SETTINGS, expectedVersion: 1 },
};
