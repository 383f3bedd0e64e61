// 报表 in the weapp build: miniprogram-simulate draws no canvas, so the figures must read as tables
// there, every cell must open its drill list, and 导出 must send a call the contract accepts.
import type { ActionName } from '../../src/contract';
import { fail, inputSchema, ok } from '../../src/contract';
import { exportResult, overview } from '../app/report-fixtures';
import { ensureWeappBuild, startApp } from './harness';

jest.setTimeout(300_000);

describe('reports in the weapp build', () => {
  const calls: { action: ActionName; data: Record<string, unknown> }[] = [];
  const navigateTo = jest.fn((o: { url: string; success?: () => void }) => o.success?.());
  let app: ReturnType<typeof startApp>;
  beforeAll(() => {
    ensureWeappBuild();
    const callFunction = jest.fn(async ({ data }: { data: { action: ActionName; data: Record<string, unknown> } }) => {
      calls.push({ action: data.action, data: data.data });
      if (data.action === 'reports.overview') return { result: ok(overview()) };
      if (data.action === 'reports.export') return { result: ok(exportResult()) };
      if (data.action === 'session.whoami') return { result: ok({ person: { id: 'p_cg', name: '陈刚', department: '市场部', employeeNo: '1001', external: false }, roles: ['member', 'leader'], groups: [], templates: {}, grants: {} }) };
      return { result: fail('UNKNOWN_ACTION') };
    });
    app = startApp({ cloud: { init: jest.fn(), callFunction }, showToast: jest.fn(), navigateTo, getSystemInfoSync: () => ({ pixelRatio: 2, windowWidth: 375 }) });
  });

  async function until(view: { dom?: { textContent: string | null } }, text: string) {
    for (let i = 0; i < 100 && !view.dom!.textContent!.includes(text); i++) await app.simulate.sleep(20);
    expect(view.dom!.textContent).toContain(text);
  }

  it('should show a figure as a table and open the cases behind a cell', async () => {
    const view = app.openPage('packages/reports/pages/overview/index');
    await until(view, '新开事项');
    expect(calls.filter((c) => c.action === 'reports.overview').every((c) => inputSchema('reports.overview').safeParse(c.data).success)).toBe(true);
    // 申诉: nothing filed in the period, said in words.
    expect(view.dom!.textContent).toContain('这段时间没有人提出申诉。');
    const tab = view.querySelectorAll('.qw-figure__tab').find((t) => t.dom!.textContent === '表格');
    tab!.dispatchEvent('tap');
    await until(view, '11月9日–11月15日');
    const cell = view.querySelectorAll('.qw-ftable__cell--link').find((c) => c.dom!.textContent === '5');
    expect(cell).toBeDefined();
    cell!.dispatchEvent('tap');
    for (let i = 0; i < 50 && !navigateTo.mock.calls.length; i++) await app.simulate.sleep(20);
    const url = navigateTo.mock.calls.at(-1)![0].url;
    expect(url).toMatch(/^\/packages\/reports\/pages\/drill\/index\?metric=opened&bucketStart=2026-11-09&key=rename&title=/);
  });

  it('should export with a call the contract accepts and show the SHA-256', async () => {
    const view = app.openPage('packages/reports/pages/export/index');
    await until(view, '项目A群');
    const button = view.querySelectorAll('.qw-btn').find((b) => b.dom!.textContent!.includes('导出'));
    button!.dispatchEvent('tap');
    await until(view, 'ab'.repeat(32));
    const sent = calls.filter((c) => c.action === 'reports.export');
    expect(sent).toHaveLength(1);
    expect(inputSchema('reports.export').safeParse(sent[0].data).success).toBe(true);
    expect(view.dom!.textContent).toContain('事项 12 行，处理记录 40 行');
  });
});
