// 报表 pages as a person uses them: the figures of the caller's groups (a table beside every chart,
// 暂无数据 where a period has nothing), every number opening what is behind it, the export with its
// checksum, and the owner's export log.
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ok, fail, type ReportDrill } from '../../src/contract';
import MePage from '../../src/app/pages/me/index';
import ReportsOverviewPage from '../../src/app/packages/reports/pages/overview/index';
import ReportDrillPage from '../../src/app/packages/reports/pages/drill/index';
import ExportPage from '../../src/app/packages/reports/pages/export/index';
import ExportsPage from '../../src/app/packages/reports/pages/exports/index';
import { forgetWhoAmI } from '../../src/app/lib/session';
import { routes } from '../../src/app/lib/routes';
import { mockApi } from './api-mock';
import { renameCase, whoami } from './fixtures';
import { exportResult, exportView, overview } from './report-fixtures';
import * as taro from './stubs/taro';

// Generous waits: these pages render ECharts' option objects and long tables, and the machine is shared.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  jest.clearAllMocks();
  forgetWhoAmI();
  taro.setRouterParams({});
});

const figure = (id: string) => document.querySelector(`[data-figure="${id}"]`) as HTMLElement;
const lastUrl = () => (taro.navigateTo.mock.calls.at(-1) as unknown as [{ url: string }])[0].url;
const query = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

describe('我的 → 报表', () => {
  const me = (roles: ('member' | 'admin' | 'leader' | 'deptHead' | 'owner')[]) => {
    const who = whoami({ roles });
    mockApi({ 'session.whoami': () => ok(who), 'me.load': () => ok({ me: who, unread: 0 }) } as never);
  };

  it('should offer 报表 to a department head and open the reports from it', async () => {
    me(['member', 'deptHead']);
    render(<MePage />);
    fireEvent.click(await screen.findByText('报表'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: routes.reports });
  });

  it('should not offer 报表 to a plain member', async () => {
    me(['member']);
    render(<MePage />);
    await screen.findByText('我的角色');
    expect(screen.queryByText('报表')).toBeNull();
  });
});

describe('报表', () => {
  it('should ask for the last four weeks of every group in scope, and say 暂无数据 for a figure with nothing in it', async () => {
    const api = mockApi({ 'reports.overview': () => ok(overview()), 'session.whoami': () => ok(whoami({ roles: ['member', 'leader'] })) });
    render(<ReportsOverviewPage />);
    await screen.findByText('新开事项');
    const sent = api.sentTo('reports.overview')[0];
    expect(sent.bucket).toBe('week');
    expect(sent.groupId).toBeUndefined();
    // Four week buckets: from a Monday three weeks back to today.
    expect(new Date(`${sent.from}T00:00:00Z`).getUTCDay()).toBe(1);
    expect((Date.parse(sent.to) - Date.parse(sent.from)) / 86400_000).toBeGreaterThanOrEqual(21);
    expect(screen.getByText(/全部 2 个群（市场部工作群、项目A群）/)).toBeTruthy();
    // Appeals: none filed; notices: none due. Each says so instead of drawing an empty chart.
    expect(within(figure('appeals')).getByText('暂无数据')).toBeTruthy();
    expect(within(figure('appeals')).getByText('这段时间没有人提出申诉。')).toBeTruthy();
    expect(within(figure('acks')).getByText('暂无数据')).toBeTruthy();
    expect(within(figure('opened')).queryByText('暂无数据')).toBeNull();
    // 导出记录 is the owner's.
    expect(screen.getByText('导出 Excel（事项与处理记录）')).toBeTruthy();
    expect(screen.queryByText('导出记录')).toBeNull();
  });

  it('should show a figure as a table, and open the cases behind a number from its cell', async () => {
    mockApi({ 'reports.overview': () => ok(overview()), 'session.whoami': () => ok(whoami({ roles: ['member', 'leader'] })) });
    render(<ReportsOverviewPage />);
    await screen.findByText('新开事项');
    fireEvent.click(within(figure('opened')).getByText('表格'));
    const table = within(figure('opened'));
    expect(table.getByText('11月9日–11月15日')).toBeTruthy();
    expect(table.getByText('改名申请')).toBeTruthy();
    fireEvent.click(table.getByText('5'));
    const url = lastUrl();
    expect(url.startsWith('/packages/reports/pages/drill/index?')).toBe(true);
    expect(query(url)).toMatchObject({ metric: 'opened', bucketStart: '2026-11-09', key: 'rename', title: '新开事项 · 改名申请 · 11月9日–11月15日 · 全部 2 个群' });
  });

  it('should give median and P90 in days in the cycle-time table, and shares with their counts', async () => {
    mockApi({ 'reports.overview': () => ok(overview()), 'session.whoami': () => ok(whoami({ roles: ['member', 'leader'] })) });
    render(<ReportsOverviewPage />);
    await screen.findByText('办理时长');
    fireEvent.click(within(figure('decided')).getByText('表格'));
    expect(within(figure('decided')).getByText('4 件：中位 1.5 天，P90 3 天')).toBeTruthy();
    fireEvent.click(within(figure('naming')).getByText('表格'));
    expect(within(figure('naming')).getAllByText('合规 3/4（75%）')).toHaveLength(2);
    // The current roster, beside the weekly snapshots.
    expect(within(figure('naming')).getByText('当前')).toBeTruthy();
    fireEvent.click(within(figure('backups')).getByText('表格'));
    fireEvent.click(within(figure('backups')).getAllByText('0/7 天')[1]);
    expect(query(lastUrl())).toMatchObject({ metric: 'backups', bucketStart: '2026-11-09', groupId: 'g_proj_a' });
  });

  it('should ask again for one group, and by month for the last three months', async () => {
    const api = mockApi({
      'reports.overview': (d) => ok(overview(d.groupId ? { groupId: d.groupId, groups: [{ id: 'g_proj_a', name: '项目A群' }] } : {})),
      'session.whoami': () => ok(whoami({ roles: ['member', 'owner'] })),
    });
    render(<ReportsOverviewPage />);
    fireEvent.click(await screen.findByText('项目A群'));
    await waitFor(() => expect(api.sentTo('reports.overview')).toHaveLength(2));
    expect(api.sentTo('reports.overview')[1].groupId).toBe('g_proj_a');
    fireEvent.click(screen.getByText('近3个月'));
    await waitFor(() => expect(api.sentTo('reports.overview')).toHaveLength(3));
    const third = api.sentTo('reports.overview')[2];
    expect(third).toMatchObject({ bucket: 'month', groupId: 'g_proj_a' });
    expect(third.from).toMatch(/-01$/);
    // The owner also sees the export log.
    expect(screen.getByText('导出记录')).toBeTruthy();
  });

  it('should say so when the whole period is empty', async () => {
    mockApi({ 'reports.overview': () => ok(overview({ empty: true })), 'session.whoami': () => ok(whoami({ roles: ['member', 'admin'] })) });
    render(<ReportsOverviewPage />);
    expect(await screen.findByText('这段时间暂无数据')).toBeTruthy();
    expect(screen.queryByText('新开事项')).toBeNull();
  });

  it('should take a custom period only when both dates are real and in order', async () => {
    const api = mockApi({ 'reports.overview': () => ok(overview()), 'session.whoami': () => ok(whoami({ roles: ['member', 'admin'] })) });
    render(<ReportsOverviewPage />);
    await screen.findByText('新开事项');
    fireEvent.click(screen.getByText('自定义'));
    const [from, to] = screen.getAllByRole('textbox');
    fireEvent.change(from, { target: { value: '2026-10-01' } });
    fireEvent.change(to, { target: { value: '2026-09-30' } });
    expect(screen.getByRole('button', { name: '查看这段时间' })).toHaveProperty('disabled', true);
    fireEvent.change(to, { target: { value: '2026-10-31' } });
    fireEvent.click(screen.getByRole('button', { name: '查看这段时间' }));
    await waitFor(() => expect(api.sentTo('reports.overview')).toHaveLength(2));
    expect(api.sentTo('reports.overview')[1]).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
  });
});

describe('明细 (drill)', () => {
  it('should list the cases behind a number, load more, and open a case', async () => {
    taro.setRouterParams({ metric: 'opened', bucketStart: '2026-11-09', key: 'rename', title: encodeURIComponent('新开事项 · 改名申请') });
    const page = (offset: number): ReportDrill => ({
      type: 'cases',
      items: [renameCase({ id: `rn_${offset + 1}`, title: `第 ${offset + 1} 件` })],
      total: 2,
      offset,
      limit: 20,
    });
    const api = mockApi({ 'reports.drill': (d) => ok(page(d.offset ?? 0)) });
    render(<ReportDrillPage />);
    expect(await screen.findByText('第 1 件')).toBeTruthy();
    expect(screen.getByText('新开事项 · 改名申请')).toBeTruthy();
    expect(screen.getByText('共 2 件事项')).toBeTruthy();
    expect(api.sentTo('reports.drill')[0]).toEqual({ metric: 'opened', bucketStart: '2026-11-09', key: 'rename', offset: 0, limit: 20 });
    fireEvent.click(screen.getByText('加载更多（已显示 1 / 2）'));
    fireEvent.click(await screen.findByText('第 2 件'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/case/pages/case/index?id=rn_2' });
  });

  it('should list the members behind a naming share', async () => {
    taro.setRouterParams({ metric: 'naming', bucketStart: '2026-11-02', groupId: 'g_proj_a' });
    mockApi({
      'reports.drill': () => ok({ type: 'members', items: [{ personId: 'p_zw1', name: '张伟', nickname: '伟哥', reason: '群昵称应为“张伟-市场部-1024”' }], total: 1, offset: 0, limit: 20 }),
    });
    render(<ReportDrillPage />);
    expect(await screen.findByText('群昵称：伟哥')).toBeTruthy();
    expect(screen.getByText('共 1 位成员')).toBeTruthy();
  });

  it('should say a scope the caller lacks is refused', async () => {
    taro.setRouterParams({ metric: 'opened', bucketStart: '2026-11-09', groupId: 'g_other' });
    mockApi({ 'reports.drill': () => fail('GROUP_NOT_IN_SCOPE') });
    render(<ReportDrillPage />);
    expect(await screen.findByText(/不在你可查看的范围内/)).toBeTruthy();
  });
});

describe('导出', () => {
  it('should export the groups and period picked, and show the link, row counts and SHA-256', async () => {
    const api = mockApi({ 'reports.overview': () => ok(overview()), 'reports.export': () => ok(exportResult()) });
    render(<ExportPage />);
    fireEvent.click(await screen.findByText('项目A群'));
    fireEvent.click(screen.getByText('改名申请'));
    fireEvent.click(screen.getByRole('button', { name: '导出' }));
    expect(await screen.findByText('导出完成')).toBeTruthy();
    const sent = api.sentTo('reports.export')[0];
    expect(sent).toMatchObject({ groupIds: ['g_proj_a'], kinds: ['rename'] });
    // 上个月 by default: the 1st to the month's last day.
    expect(sent.from).toMatch(/-01$/);
    expect(sent.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(screen.getByText('事项 12 行，处理记录 40 行')).toBeTruthy();
    expect(screen.getByTestId('file-sha256').textContent).toBe('ab'.repeat(32));
    fireEvent.click(screen.getByRole('button', { name: '复制校验值' }));
    expect(taro.setClipboardData).toHaveBeenCalledWith({ data: 'ab'.repeat(32) });
    // The same filters tapped again are the same request: the server answers the same export.
    fireEvent.click(screen.getByRole('button', { name: '导出' }));
    await waitFor(() => expect(api.sentTo('reports.export')).toHaveLength(2));
    expect(api.sentTo('reports.export')[1].requestId).toBe(sent.requestId);
  });

  it('should show the refusal of a too large export and keep the form', async () => {
    mockApi({ 'reports.overview': () => ok(overview()), 'reports.export': () => fail('EXPORT_TOO_LARGE') });
    render(<ExportPage />);
    await screen.findByText('项目A群');
    fireEvent.click(screen.getByRole('button', { name: '导出' }));
    expect(await screen.findByText(/请缩短时间段/)).toBeTruthy();
    expect(screen.queryByText('导出完成')).toBeNull();
  });
});

describe('导出记录', () => {
  it('should list each export with its checksums, and check a checksum against the log', async () => {
    const api = mockApi({
      'reports.exports': () => ok({ items: [exportView(), exportView({ id: 'ex_2', intact: false })], total: 2, offset: 0, limit: 20 }),
      'reports.verifyExport': (d) => ok({ match: true, matchedBy: 'file', sha256: d.sha256!, export: exportView(), message: '这份文件与导出记录一致。' }),
    });
    render(<ExportsPage />);
    expect((await screen.findAllByText('ab'.repeat(32))).length).toBe(2);
    expect(screen.getByText('记录被改动')).toBeTruthy();
    expect(screen.getAllByText('赵敏 · 2026-12-01 10:00')).toHaveLength(2);
    const input = screen.getByPlaceholderText('例如 3a7bd3e2…（64 位）');
    fireEvent.change(input, { target: { value: 'AB'.repeat(31) } });
    expect(screen.getByRole('button', { name: '核对' })).toHaveProperty('disabled', true);
    fireEvent.change(input, { target: { value: ` ${'AB'.repeat(32)} ` } });
    fireEvent.click(screen.getByRole('button', { name: '核对' }));
    expect(await screen.findByText('与导出记录一致')).toBeTruthy();
    expect(api.sentTo('reports.verifyExport')[0]).toEqual({ sha256: 'ab'.repeat(32) });
  });
});

describe('导出记录: a file handed over', () => {
  it('should upload the picked file and say whether it is a recorded export', async () => {
    taro.chooseMessageFile.mockResolvedValueOnce({ tempFiles: [{ path: 'wxfile://tmp/x.xlsx', name: '群务导出.xlsx', size: 9000 }] });
    const api = mockApi({
      'reports.exports': () => ok({ items: [], total: 0, offset: 0, limit: 20 }),
      'files.record': (d) => ok({ fileId: d.fileId, name: d.name, size: 9000, sha256: 'ef'.repeat(32), uploadedAt: 0 } as never),
      'reports.verifyExport': () => ok({ match: false, matchedBy: null, sha256: 'ef'.repeat(32), export: null, message: '没有哪次导出的文件或数据校验值与它一致。' }),
    });
    render(<ExportsPage />);
    fireEvent.click(await screen.findByRole('button', { name: '从微信聊天中选择导出的文件' }));
    expect(await screen.findByText('没有对应的导出记录')).toBeTruthy();
    expect(screen.getByText('没有哪次导出的文件或数据校验值与它一致。')).toBeTruthy();
    const fileId = api.sentTo('files.record')[0].fileId;
    expect(fileId).toMatch(/^cloud:\/\/env\/exports-verify\/.+\.xlsx$/);
    expect(api.sentTo('reports.verifyExport')).toEqual([{ fileId }]);
  });
});

describe('figures as charts', () => {
  const { figuresOf } = require('../../src/app/packages/reports/lib/figures') as typeof import('../../src/app/packages/reports/lib/figures');
  const { optionOf } = require('../../src/app/packages/reports/chart/option') as typeof import('../../src/app/packages/reports/chart/option');

  it('should draw each series in bucket order with the drill ref a tap on it opens', () => {
    const opened = figuresOf(overview()).find((f) => f.id === 'opened')!;
    const option = optionOf(opened) as { xAxis: { data: string[] }; series: { name: string; type: string; stack?: string; data: number[] }[] };
    expect(option.xAxis.data).toEqual(['11/2', '11/9']);
    expect(option.series.map((s) => [s.name, s.type, s.stack, s.data])).toEqual([
      ['改名申请', 'bar', 'opened', [2, 5]],
      ['违规处理', 'bar', 'opened', [1, 0]],
    ]);
    // What a tap on the second series' first bar opens.
    expect(opened.series[1].drill[0]).toEqual({ metric: 'opened', bucketStart: '2026-11-02', key: 'violation' });
  });

  it('should plot today\'s naming compliance in the week still running, in percent', () => {
    const asOf = Date.UTC(2026, 10, 12, 4, 0); // a Thursday inside the second week
    const naming = figuresOf(overview({ asOf })).find((f) => f.id === 'naming')!;
    // Week one: 3 of 4 comply; week two: today's roster, all 4 comply.
    expect(naming.series[0].data).toEqual([75, 100]);
    expect(naming.unit).toBe('percent');
    expect((optionOf(naming) as { yAxis: { max: number } }).yAxis.max).toBe(100);
  });
});
