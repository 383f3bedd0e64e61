import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ok, type BackupView, type CaseViewOf, type GroupBackups, type ViolationViewData } from '../../src/contract';
import CasePage from '../../src/app/packages/case/pages/case/index';
import ViolationPage from '../../src/app/packages/member/pages/violation/index';
import AdminViolationPage from '../../src/app/packages/admin/pages/violation/index';
import NewViolationPage from '../../src/app/packages/admin/pages/violation-new/index';
import { forgetWhoAmI } from '../../src/app/lib/session';
import { mockApi } from './api-mock';
import { whoami } from './fixtures';
import * as taro from './stubs/taro';

// A whole page with its forms: give a busy machine (npm test runs two workers) room.
jest.setTimeout(30_000);
const slow = { timeout: 10_000 };

const deadline = Date.UTC(2026, 10, 27, 15, 59, 59, 999); // 11-27 23:59 in Shanghai

function violationCase(over: Partial<Omit<CaseViewOf<'violation'>, 'kind' | 'data'>> = {}, data: Partial<ViolationViewData> = {}): CaseViewOf<'violation'> {
  return {
    id: 'vi_1',
    kind: 'violation',
    kindLabel: '违规处理',
    group: { id: 'g_proj_a', name: '项目A群' },
    subject: { id: 'p_zw1', name: '张伟' },
    state: 'vio_decided',
    stateLabel: '已处理·申诉期内',
    open: true,
    waitingOn: [{ id: 'p_zw1', name: '张伟' }],
    dueAt: deadline,
    dueAtUnconfirmed: false,
    escalation: 0,
    title: '张伟：广告推销、擅自拉票集赞（警告）',
    data: {
      groupName: '项目A群',
      subjectName: '张伟',
      category: '广告推销、擅自拉票集赞',
      description: '在群里发布保险广告',
      severity: 'minor',
      proposed: 'warning',
      proposalReasons: ['初次违规且情节较轻：给予警告，提醒其遵守群规。'],
      priorCount: 0,
      step: 'warning',
      lighterReason: null,
      decidedBy: 'p_zj',
      penalty: 'warning',
      measureReason: null,
      filedWith: [],
      appealDeadline: deadline,
      appeal: null,
      answer: null,
      escalateDeadline: null,
      escalation: null,
      ruling: null,
      task: null,
      appealClosedReason: null,
      ...data,
    },
    allowed: ['appeal', 'accept'],
    createdAt: deadline - 3 * 86400_000,
    updatedAt: deadline - 3 * 86400_000,
    history: [],
    links: { evidence: [{ url: '/files/abc?exp=1&sig=x', expiresAt: deadline }], appealEvidence: [] },
    ...over,
  };
}

beforeEach(() => {
  jest.clearAllMocks();
  forgetWhoAmI();
  taro.setRouterParams({ id: 'vi_1' });
});

describe('violation case page (member)', () => {
  it('should let the member appeal with a reason before the deadline, asking for the result message', async () => {
    const api = mockApi({
      'session.whoami': () => ok(whoami()),
      'cases.get': () => ok(violationCase()),
      'violation.appeal': () => ok(violationCase({ state: 'vio_appealed', stateLabel: '申诉待答复', allowed: [] })),
    });
    render(<ViolationPage />);
    expect(await screen.findByText('提出申诉', {}, slow)).toBeTruthy();
    expect(screen.getByText(/请在 2026-11-27 23:59 前申诉/)).toBeTruthy();
    expect(screen.getByText('在群里发布保险广告')).toBeTruthy();
    const submit = screen.getByRole('button', { name: '提交申诉' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.input(screen.getAllByRole('textbox')[0], { target: { value: '那是同事转发的' } });
    await waitFor(() => expect(submit.disabled).toBe(false), slow);
    fireEvent.click(submit);
    await screen.findByText('申诉待答复', {}, slow);
    expect(api.sentTo('violation.appeal')).toEqual([{ caseId: 'vi_1', reasons: '那是同事转发的', evidence: [] }]);
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['TPL_DECIDED'] }));
  });

  it('should say why the appeal is closed after the deadline, with the button disabled', async () => {
    mockApi({
      'session.whoami': () => ok(whoami()),
      'cases.get': () =>
        ok(violationCase({ allowed: ['accept'] }, { appealClosedReason: '申诉期已于 11月27日 23:59 截止，处理决定已生效。' })),
    });
    render(<ViolationPage />);
    const closed = await screen.findByRole('button', { name: '申诉已关闭' }, slow);
    expect((closed as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('申诉期已于 11月27日 23:59 截止，处理决定已生效。')).toBeTruthy();
    expect(screen.queryByText('提出申诉')).toBeNull();
  });

  it('should send a violation opened from a notification on to its own page', async () => {
    mockApi({ 'cases.get': () => ok(violationCase()) });
    render(<CasePage />);
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/member/pages/violation/index?id=vi_1' }), slow);
  });
});

describe('images under content check, hidden images and the WeChat task\'s deadline', () => {
  it('should tell the admin an image is still being checked, how many were hidden, and when the removal is due', async () => {
    mockApi({
      'session.whoami': () => ok(whoami()),
      'cases.get': () =>
        ok(
          violationCase(
            { allowed: ['confirmTask'], hiddenFiles: 1, links: { evidence: [{ url: '/files/abc?exp=1&sig=x', expiresAt: deadline, pending: true }], appealEvidence: [] } },
            { task: { action: 'remove', status: 'pending', by: null, at: null, dueAt: deadline, stage: 1 } },
          ),
        ),
    });
    render(<AdminViolationPage />);
    expect(await screen.findByText('1 张图片正在进行内容安全检查，通过前只有上传人和管理员能看到', {}, slow)).toBeTruthy();
    expect(screen.getByText('1 张未通过内容安全检查')).toBeTruthy();
    expect(screen.getByText(/（已超期，已提醒）$/)).toBeTruthy();
  });
});

const SHA = 'ab'.repeat(32);
const citation = `来源：「项目A群」群聊记录（2026-11-01 至 2026-11-20），备份编号 bk_1，SHA-256 ${SHA}`;

describe('chat-record backups cited by a violation (§6.2 注明出处)', () => {
  it('should show the member each cited backup with its SHA-256 and copy the citation in one tap', async () => {
    mockApi({ 'session.whoami': () => ok(whoami()), 'cases.get': () => ok(violationCase({ citations: [{ backupId: 'bk_1', citation }] })) });
    render(<ViolationPage />);
    expect(await screen.findByText('引用的聊天记录', {}, slow)).toBeTruthy();
    expect(screen.getByText(citation)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '复制出处' }));
    await waitFor(() => expect(taro.setClipboardData).toHaveBeenCalledWith({ data: citation }), slow);
  });

  it('should show the admin the cited backups too, and no such section when a case cites none', async () => {
    mockApi({ 'session.whoami': () => ok(whoami()), 'cases.get': () => ok(violationCase({ allowed: [], citations: [{ backupId: 'bk_1', citation }] })) });
    const { unmount } = render(<AdminViolationPage />);
    expect(await screen.findByText(citation, {}, slow)).toBeTruthy();
    unmount();
    mockApi({ 'session.whoami': () => ok(whoami()), 'cases.get': () => ok(violationCase({ allowed: [] })) });
    render(<AdminViolationPage />);
    await screen.findByText('违规情况', {}, slow);
    expect(screen.queryByText('引用的聊天记录')).toBeNull();
  });

  it('should let the admin tick the group backups as evidence when opening a case', async () => {
    const backup = (id: string, from: string, to: string, storage: 'cloud' | 'local') => ({ id, groupId: 'g_proj_a', from, to, storage }) as BackupView;
    const admin = whoami({ groups: [{ ...whoami().groups[0], roles: ['member', 'admin'] }] });
    const api = mockApi({
      'session.whoami': () => ok(admin),
      'violation.form': (d) =>
        ok({
          group: { id: 'g_proj_a', name: '项目A群' },
          members: [{ id: 'p_mc', name: '马超' }],
          categories: ['广告推销、擅自拉票集赞'],
          proposal: d.subjectId ? { step: 'warning', reasons: ['初次违规'], priorCount: 0, window: { count: 2, days: 180 } } : null,
          appealDays: 3,
        }),
      'backups.list': () => ok({ backups: [backup('bk_1', '2026-11-01', '2026-11-20', 'cloud'), backup('bk_2', '2026-10-01', '2026-10-31', 'local')] } as GroupBackups),
      'violation.open': () => ok(violationCase({ citations: [{ backupId: 'bk_1', citation }] })),
    });
    render(<NewViolationPage />);
    fireEvent.click(await screen.findByText('2026-11-01 至 2026-11-20（云端）', {}, slow));
    expect(screen.getByText('2026-10-01 至 2026-10-31（本地）')).toBeTruthy();
    fireEvent.click(screen.getByText('马超'));
    fireEvent.click(screen.getByText('广告推销、擅自拉票集赞'));
    fireEvent.click(screen.getByText('轻微'));
    fireEvent.input(screen.getAllByRole('textbox')[0], { target: { value: '发布保险广告' } });
    const submit = screen.getByRole('button', { name: '确认处理并通知成员' }) as HTMLButtonElement;
    await waitFor(() => expect(submit.disabled).toBe(false), slow);
    fireEvent.click(submit);
    await waitFor(() => expect(api.sentTo('violation.open')).toHaveLength(1), slow);
    expect(api.sentTo('violation.open')[0]).toMatchObject({ backupIds: ['bk_1'], subjectId: 'p_mc', step: 'warning' });
  });
});
