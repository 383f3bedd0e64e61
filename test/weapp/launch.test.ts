// The launch page's one call starts at launch, in the real weapp build: WeChat opens the app at a case
// page (a subscription message's link), cases.get is on its way before the page's code runs, and the
// page shows that answer without asking again.
import type { ActionName } from '../../src/contract';
import { ok } from '../../src/contract';
import { renameCase } from '../app/fixtures';
import { ensureWeappBuild, startApp } from './harness';

jest.setTimeout(300_000);

describe('the launch page in the weapp build', () => {
  beforeAll(() => ensureWeappBuild());

  it('should send cases.get at launch, and show the case from that one call', async () => {
    const calls: { action: ActionName; data: Record<string, unknown> }[] = [];
    const callFunction = jest.fn(async ({ data }: { data: { action: ActionName; data: Record<string, unknown> } }) => {
      calls.push(data);
      return { result: data.action === 'cases.get' ? ok(renameCase({ id: String(data.data.caseId) })) : ok({}) };
    });
    const { simulate, launch, openPage } = startApp({ cloud: { init: jest.fn(), callFunction }, showToast: jest.fn() });
    launch('packages/case/pages/case/index', { id: 'rn_9' });
    await simulate.sleep(20);
    // Before the page is even loaded.
    expect(calls).toEqual([{ action: 'cases.get', data: { caseId: 'rn_9' } }]);

    const page = openPage('packages/case/pages/case/index', { id: 'rn_9' });
    const text = () => page.dom!.textContent!;
    for (let i = 0; i < 100 && !text().includes('处理记录'); i++) await simulate.sleep(20);
    expect(text()).toContain('张伟-市场部-1024');
    await simulate.sleep(100);
    expect(calls.map((c) => c.action)).toEqual(['cases.get']);
  });
});
