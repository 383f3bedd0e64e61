import type { ActionName } from '../../src/contract';
import { fail, ok } from '../../src/contract';
import { ensureWeappBuild, startApp, type PageInstance } from './harness';

jest.setTimeout(300_000);

const notice = {
  id: 'nt_1',
  kind: 'important',
  kindLabel: '重要通知',
  title: '关于召开年终总结会的通知',
  body: '12月10日（周四）14:00 在三楼会议室召开年终总结会。\n附件：《会议议程》（会议的时间安排与议题）',
  dept: { id: 'd_market', name: '市场部' },
  publisher: { id: 'p_wq', name: '王强' },
  publishedAt: Date.UTC(2026, 11, 3, 2, 0),
  groups: [{ id: 'g_mkt', name: '市场部工作群' }],
  attachments: [{ fileId: 'cloud://env/agenda.pdf', name: '会议议程', description: '会议的时间安排与议题', sha256: 'ab'.repeat(32), size: 2048, url: 'https://files.example/agenda.pdf' }],
  ackDueAt: Date.UTC(2026, 11, 7, 15, 59),
  status: 'active',
  statusLabel: '有效',
  mine: { owed: true, ackedAt: null as number | null, late: false },
  canReceipts: false,
  canManage: false,
  share: { title: '【重要通知】关于召开年终总结会的通知', path: '/packages/notices/pages/notice/index?id=nt_1' },
};

describe('notice page in the weapp build', () => {
  beforeAll(() => ensureWeappBuild());

  it('should render the notice from the subpackage, acknowledge in one tap and share the card', async () => {
    const calls: { name: string; action: ActionName; data: Record<string, unknown> }[] = [];
    const callFunction = jest.fn(async ({ name, data }: { name: string; data: { action: ActionName; data: Record<string, unknown> } }) => {
      calls.push({ name, action: data.action, data: data.data });
      switch (data.action) {
        case 'notices.get':
          return { result: ok(notice) };
        case 'notices.acknowledge':
          return { result: ok({ ...notice, mine: { owed: true, ackedAt: Date.UTC(2026, 11, 3, 3, 5), late: false } }) };
        default:
          return { result: fail('UNKNOWN_ACTION') };
      }
    });
    const { simulate, openPage } = startApp({ cloud: { init: jest.fn(), callFunction }, showToast: jest.fn() });

    const page = openPage('packages/notices/pages/notice/index', { id: 'nt_1' });
    const text = () => page.dom!.textContent!;
    for (let i = 0; i < 50 && !text().includes('关于召开年终总结会的通知'); i++) await simulate.sleep(20);
    expect(text()).toContain('发布部门：市场部');
    expect(text()).toContain('发布日期：2026-12-03');
    expect(text()).toContain('附件：《会议议程》');
    expect(calls.find((c) => c.action === 'notices.get')).toMatchObject({ name: 'api', data: { noticeId: 'nt_1' } });

    // WeChat asks the page for the card when 转发 is tapped in the ··· menu.
    const instance = (global as unknown as { getCurrentPages: () => PageInstance[] }).getCurrentPages().at(-1)!;
    const share = (instance.onShareAppMessage as (o: unknown) => unknown).call(instance, { from: 'menu' });
    expect(share).toMatchObject({ title: '【重要通知】关于召开年终总结会的通知', path: '/packages/notices/pages/notice/index?id=nt_1' });

    const ack = page.querySelectorAll('.qw-btn').find((b) => b.dom!.textContent!.includes('确认已读'));
    expect(ack).toBeDefined();
    ack!.dispatchEvent('tap');
    for (let i = 0; i < 50 && !text().includes('已确认'); i++) await simulate.sleep(20);
    expect(calls.filter((c) => c.action === 'notices.acknowledge').map((c) => c.data)).toEqual([{ noticeId: 'nt_1' }]);
    expect(text()).toContain('已确认　2026-12-03 11:05');
  });
});
