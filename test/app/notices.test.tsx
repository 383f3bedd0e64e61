import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fail, ok, type RosterView } from '../../src/contract';
import NoticePage from '../../src/app/packages/notices/pages/notice/index';
import PublishPage from '../../src/app/packages/notices/pages/publish/index';
import ReceiptsPage from '../../src/app/packages/notices/pages/receipts/index';
import GroupNoticesPage from '../../src/app/packages/notices/pages/group/index';
import PublishedNoticesPage from '../../src/app/packages/notices/pages/published/index';
import GroupPage from '../../src/app/packages/org/pages/group/index';
import { mockApi } from './api-mock';
import { ACK_DUE, BODY, notice, noticeForm, preview, receipts } from './notice-fixtures';
import * as taro from './stubs/taro';

// Whole pages with their forms: give a busy machine (npm test runs two workers) room.
jest.setTimeout(30_000);

beforeEach(() => jest.clearAllMocks());

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
/** Text with a full-width space in it, matched as it is (the default matcher folds whitespace). */
const raw = { normalizer: (t: string) => t };
const chip = (label: string) => Array.from(document.querySelectorAll('.qw-chip')).find((c) => c.textContent === label)!;
const type = (placeholder: string | RegExp, value: string) => fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });

describe('notice page', () => {
  it('should show the notice as §4.4 sets it out and take a one-tap acknowledgement', async () => {
    taro.setRouterParams({ id: 'nt_1' });
    const acked = notice({ keyFact: undefined, mine: { owed: true, ackedAt: Date.UTC(2026, 11, 3, 3, 5), late: false } });
    const api = mockApi({ 'notices.get': () => ok(notice({ keyFact: undefined })), 'notices.acknowledge': () => ok(acked) });
    render(<NoticePage />);
    expect(await screen.findByText('关于召开年终总结会的通知')).toBeTruthy();
    expect(screen.getByText('发布部门：市场部　发布日期：2026-12-03', raw)).toBeTruthy();
    expect(screen.getByText('重要通知')).toBeTruthy();
    expect(screen.getByText(BODY, raw)).toBeTruthy();
    expect(screen.getByText('附件：《会议议程》')).toBeTruthy();
    expect(screen.getByText('会议的时间安排与议题')).toBeTruthy();
    expect(screen.getByText(/12月7日（周一）23:59/)).toBeTruthy();
    // A member sees neither the receipts nor the publisher's buttons.
    expect(screen.queryByTestId('receipts-link')).toBeNull();
    expect(screen.queryByRole('button', { name: '撤回' })).toBeNull();

    fireEvent.click(button('确认已读'));
    await screen.findByText('已确认　2026-12-03 11:05', raw);
    expect(api.sentTo('notices.acknowledge')).toEqual([{ noticeId: 'nt_1' }]);
    expect(screen.getByText('按时确认')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '确认已读' })).toBeNull();
  });

  it('should ask for the key fact first and say so when the pick is wrong', async () => {
    taro.setRouterParams({ id: 'nt_1' });
    const keyFact = { question: '总结会在哪一天召开？', choices: ['12月9日', '12月10日', '12月11日'] };
    let answer = 'wrong';
    const api = mockApi({
      'notices.get': () => ok(notice({ keyFact })),
      'notices.acknowledge': (d) =>
        answer === 'wrong' ? fail('KEY_FACT_WRONG') : ok(notice({ keyFact, mine: { owed: true, ackedAt: Date.UTC(2026, 11, 3, 3, 5), late: false } })),
    });
    render(<NoticePage />);
    expect(await screen.findByText('总结会在哪一天召开？')).toBeTruthy();
    expect(button('确认已读').disabled).toBe(true);

    fireEvent.click(screen.getByText('12月9日'));
    fireEvent.click(button('确认已读'));
    expect(await screen.findByText('所选的要点与通知不符，请再仔细阅读通知后重新选择')).toBeTruthy();
    expect(button('确认已读').disabled).toBe(true);

    answer = 'right';
    fireEvent.click(screen.getByText('12月10日'));
    fireEvent.click(button('确认已读'));
    await screen.findByText(/^已确认/);
    expect(api.sentTo('notices.acknowledge')).toEqual([
      { noticeId: 'nt_1', keyFact: 0 },
      { noticeId: 'nt_1', keyFact: 1 },
    ]);
  });

  it('should mark a late acknowledgement', async () => {
    taro.setRouterParams({ id: 'nt_1' });
    mockApi({ 'notices.get': () => ok(notice({ mine: { owed: true, ackedAt: ACK_DUE + 3600_000, late: true } })) });
    render(<NoticePage />);
    expect(await screen.findByText('逾期确认')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '确认已读' })).toBeNull();
  });

  it('should show a withdrawn notice as withdrawn, with nothing to acknowledge', async () => {
    taro.setRouterParams({ id: 'nt_1' });
    mockApi({ 'notices.get': () => ok(notice({ status: 'withdrawn', statusLabel: '已撤回', withdrawReason: '会议延期' })) });
    render(<NoticePage />);
    expect(await screen.findByText('本通知已撤回：会议延期')).toBeTruthy();
    expect(screen.getByText('已撤回')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '确认已读' })).toBeNull();
    expect(screen.getByText('本通知已不再有效，无需确认。')).toBeTruthy();
  });

  it('should send the reader of a corrected notice to the correction', async () => {
    taro.setRouterParams({ id: 'nt_1' });
    mockApi({ 'notices.get': () => ok(notice({ status: 'corrected', statusLabel: '已更正', correctedBy: 'nt_2' })) });
    render(<NoticePage />);
    fireEvent.click(await screen.findByText('查看更正后的通知 ›'));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/notice/index?id=nt_2' });
    expect(screen.getByText('已更正')).toBeTruthy();
  });

  it('should open an attachment through its download link', async () => {
    taro.setRouterParams({ id: 'nt_1' });
    mockApi({ 'notices.get': () => ok(notice()) });
    render(<NoticePage />);
    fireEvent.click(await screen.findByText('下载'));
    await waitFor(() => expect(taro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp', showMenu: true }));
    expect(taro.downloadFile).toHaveBeenCalledWith({ url: 'https://files.example/agenda.pdf' });
  });

  it('should keep an image under content check unlinked for a member, and say how many images were hidden', async () => {
    taro.setRouterParams({ id: 'nt_1' });
    const image = { fileId: 'cloud://env/notices/site.png', name: '场地示意图', description: '会议室位置', sha256: 'cd'.repeat(32), size: 4096, pending: true as const };
    mockApi({ 'notices.get': () => ok(notice({ attachments: [image], hiddenAttachments: 1 })) });
    render(<NoticePage />);
    const shown = await screen.findByText('附件：《场地示意图》');
    const card = shown.closest('[data-attachment]')!;
    expect(card.textContent).toContain('图片正在进行内容安全检查，通过后可查看');
    expect(card.textContent).not.toContain('下载');
    expect(screen.getByTestId('hidden-attachments').textContent).toBe('1 张图片未通过微信内容安全检查，已隐藏');
  });

  it('should tell the publisher to correct the notice when an image was hidden, and link a pending image for them', async () => {
    taro.setRouterParams({ id: 'nt_1' });
    const image = { fileId: 'cloud://env/notices/site.png', name: '场地示意图', description: '会议室位置', sha256: 'cd'.repeat(32), size: 4096, pending: true as const, url: 'https://files.example/site.png' };
    mockApi({ 'notices.get': () => ok(notice({ attachments: [image], hiddenAttachments: 1, canManage: true, canReceipts: true, stats: { owed: 5, acked: 0, late: 0, overdue: 0 }, mine: { owed: false, ackedAt: null, late: false } })) });
    render(<NoticePage />);
    const card = (await screen.findByText('附件：《场地示意图》')).closest('[data-attachment]')!;
    expect(card.textContent).toContain('下载');
    expect(card.textContent).toContain('通过前仅发布人和群管理员可见');
    expect(screen.getByTestId('hidden-attachments').textContent).toContain('请更正通知并换一张图片');
  });

  it('should give an admin the counts from the receipts when the notice comes without them, and count their own acknowledgement', async () => {
    taro.setRouterParams({ id: 'nt_1' });
    const owedByAdmin = notice({ keyFact: undefined, canReceipts: true, stats: undefined, mine: { owed: true, ackedAt: null, late: false } });
    const ackedByAdmin = { ...owedByAdmin, mine: { owed: true, ackedAt: ACK_DUE - 3600_000, late: false } };
    let acked = 1;
    const api = mockApi({
      'notices.get': () => ok(acked === 1 ? owedByAdmin : ackedByAdmin),
      'notices.receipts': () => ok(receipts({ total: { owed: 5, acked, late: 0, overdue: 0 } })),
      'notices.acknowledge': () => ((acked = 2), ok(ackedByAdmin)),
    });
    render(<NoticePage />);
    expect((await screen.findByTestId('receipts-link')).textContent).toContain('已确认 1 / 5 人');
    expect(api.sentTo('notices.receipts')).toEqual([{ noticeId: 'nt_1', limit: 1 }]);
    fireEvent.click(button('确认已读'));
    await waitFor(() => expect(screen.getByTestId('receipts-link').textContent).toContain('已确认 2 / 5 人'));
  });

  it('should give the publisher the counts, the share card, withdraw with a reason and correct', async () => {
    taro.setRouterParams({ id: 'nt_1' });
    const mine = notice({ canManage: true, canReceipts: true, stats: { owed: 5, acked: 1, late: 0, overdue: 0 }, mine: { owed: false, ackedAt: null, late: false } });
    const api = mockApi({
      'notices.get': () => ok(mine),
      'notices.withdraw': () => ok({ ...mine, status: 'withdrawn', statusLabel: '已撤回', withdrawReason: '会议延期' }),
    });
    render(<NoticePage />);
    expect(await screen.findByText('已确认 1 / 5 人 · 未确认 4 人')).toBeTruthy();
    // notices.get carries the publisher's counts: no second call.
    expect(api.sentTo('notices.receipts')).toEqual([]);
    expect(screen.getByTestId('share-hint').textContent).toContain('点右上角 ··· 转发到微信群');
    // WeChat asks the page for the card when the admin taps 转发.
    const share = taro.useShareAppMessage.mock.calls.at(-1)![0] as () => unknown;
    expect(share()).toEqual({ title: '【重要通知】关于召开年终总结会的通知', path: '/packages/notices/pages/notice/index?id=nt_1' });

    fireEvent.click(screen.getByText('查看确认情况 ›'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notices/pages/receipts/index?id=nt_1' });
    fireEvent.click(button('更正'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notices/pages/publish/index?correct=nt_1' });

    fireEvent.click(button('撤回'));
    expect(button('确认撤回').disabled).toBe(true);
    type('撤回理由（必填）', '会议延期');
    fireEvent.click(button('确认撤回'));
    expect(await screen.findByText('本通知已撤回：会议延期')).toBeTruthy();
    expect(api.sentTo('notices.withdraw')).toEqual([{ noticeId: 'nt_1', reason: '会议延期' }]);
    expect(screen.queryByRole('button', { name: '撤回' })).toBeNull();
  });
});

describe('publish page', () => {
  beforeEach(() => taro.setRouterParams({}));

  async function fillBasics() {
    await screen.findByText('信息类别');
    fireEvent.click(screen.getByText('市场部工作群'));
    type('标题（必填，简明扼要）', '关于召开年终总结会的通知');
    type(/^正文/, '12月10日召开年终总结会，请准时参加。');
  }

  it('should offer only the kinds with groups, check, and publish with a request id', async () => {
    const api = mockApi({
      'notices.form': () => ok(noticeForm()),
      'notices.preview': () => ok(preview({ owed: 7 })),
      'notices.publish': () => ok(notice({ id: 'nt_9' })),
    });
    render(<PublishPage />);
    expect(await screen.findByText('发布部门：市场部。发布日期由系统在发布时填写。')).toBeTruthy();
    expect(screen.getByText('重要通知')).toBeTruthy();
    expect(screen.getByText('一般工作信息')).toBeTruthy();
    expect(screen.queryByText('跨部门工作安排')).toBeNull();
    expect(screen.getByText('重要通知由部门负责人或指定的发布人发布。')).toBeTruthy();
    expect(screen.getByText('项目A群')).toBeTruthy();
    expect(button('检查').disabled).toBe(true);
    expect(button('发布').disabled).toBe(true);
    expect(screen.getByText('请选择发往的群')).toBeTruthy();

    await fillBasics();
    expect(screen.getByText('标题（12 / 30）')).toBeTruthy();
    expect(screen.getByTestId('body-count').textContent).toBe('还可输入 980 字（上限 1000 字）');
    type('不填则为 2 个工作日', '3');
    expect(button('发布').disabled).toBe(true);

    fireEvent.click(button('检查'));
    expect(await screen.findByText('7 人')).toBeTruthy();
    expect(screen.getByText('格式符合要求，没有发现重复的通知。')).toBeTruthy();
    fireEvent.click(button('发布'));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/notice/index?id=nt_9' }));

    const [sent] = api.sentTo('notices.publish');
    expect(sent).toMatchObject({ kind: 'important', groupIds: ['g_mkt'], title: '关于召开年终总结会的通知', body: '12月10日召开年终总结会，请准时参加。', ackDueDays: 3 });
    expect(sent.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(api.sentTo('notices.preview')[0]).not.toHaveProperty('requestId');
  });

  it('should make a new check necessary after any change', async () => {
    mockApi({ 'notices.form': () => ok(noticeForm()), 'notices.preview': () => ok(preview()) });
    render(<PublishPage />);
    await fillBasics();
    fireEvent.click(button('检查'));
    await screen.findByTestId('preview');
    expect(button('发布').disabled).toBe(false);
    type('标题（必填，简明扼要）', '关于召开年终总结会的补充通知');
    expect(screen.queryByTestId('preview')).toBeNull();
    expect(button('发布').disabled).toBe(true);
  });

  it('should refuse an exact duplicate and link to the earlier notice', async () => {
    const earlier = { noticeId: 'nt_1', title: '关于召开年终总结会的通知', publishedAt: Date.UTC(2026, 11, 1, 2, 0), groupNames: ['市场部工作群'] };
    mockApi({ 'notices.form': () => ok(noticeForm()), 'notices.preview': () => ok(preview({ duplicate: { ...earlier, why: 'text' } })) });
    render(<PublishPage />);
    await fillBasics();
    fireEvent.click(button('检查'));
    const dup = await screen.findByTestId('duplicate');
    expect(dup.textContent).toContain('所选的群近期已发布过相同的通知，不能重复发布');
    expect(button('发布').disabled).toBe(true);
    fireEvent.click(within(dup).getByText('《关于召开年终总结会的通知》 2026-12-01 · 市场部工作群'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/notice/index?id=nt_1' });
  });

  it('should publish a near duplicate only with a reason, and send the reason', async () => {
    const near = { noticeId: 'nt_1', title: '关于召开年终总结会的通知', publishedAt: Date.UTC(2026, 11, 1, 2, 0), groupNames: ['市场部工作群'], similarity: 0.86 };
    const api = mockApi({
      'notices.form': () => ok(noticeForm()),
      'notices.preview': () => ok(preview({ near: [near] })),
      'notices.publish': () => ok(notice({ id: 'nt_9' })),
    });
    render(<PublishPage />);
    await fillBasics();
    fireEvent.click(button('检查'));
    expect(await screen.findByText('相似度 86%')).toBeTruthy();
    expect(button('发布').disabled).toBe(true);
    type(/^确认理由（必填）/, '会议地点有变，重新发布');
    expect(button('发布').disabled).toBe(false);
    fireEvent.click(button('发布'));
    await waitFor(() => expect(api.sentTo('notices.publish')).toHaveLength(1));
    expect(api.sentTo('notices.publish')[0].confirmNearDuplicate).toBe('会议地点有变，重新发布');
  });

  it('should upload an attachment, require its description, and add the line the body lacks', async () => {
    taro.chooseMessageFile.mockResolvedValueOnce({ tempFiles: [{ path: 'wxfile://agenda', name: '会议议程.pdf', size: 2048 }] });
    const line = '附件：《会议议程》（会议的时间安排与议题）';
    const api = mockApi({
      'notices.form': () => ok(noticeForm()),
      'notices.preview': (d) => ok(preview({ unmentioned: d.body.includes('《会议议程》') ? [] : [{ name: '会议议程', line }] })),
      'notices.publish': () => ok(notice({ id: 'nt_9' })),
      // Right after wx.cloud.uploadFile, the upload is recorded as the publisher's.
      'files.record': (d) => ok({ fileId: d.fileId, name: d.name ?? 'file', size: 2048, contentType: 'application/pdf', sha256: 'a'.repeat(64), check: 'none' }),
    });
    render(<PublishPage />);
    await fillBasics();
    fireEvent.click(button('＋ 从微信聊天中选择附件'));
    await screen.findByText('附件 1：会议议程.pdf');
    expect(taro.cloud.uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://agenda', cloudPath: expect.stringMatching(/^notices\/d_market\/.+\.pdf$/) }));
    expect(api.sentTo('files.record')).toEqual([{ fileId: expect.stringMatching(/^cloud:\/\/env\/notices\/d_market\//), name: '会议议程.pdf' }]);
    expect((screen.getByPlaceholderText('附件名称（必填）') as HTMLInputElement).value).toBe('会议议程');
    expect(screen.getByText('每个附件都要填写名称和说明')).toBeTruthy();
    expect(button('检查').disabled).toBe(true);
    type('一句话说明附件内容（必填）', '会议的时间安排与议题');

    fireEvent.click(button('检查'));
    expect(await screen.findByText('正文没有提到附件《会议议程》，建议加入：')).toBeTruthy();
    expect(button('发布').disabled).toBe(true);
    fireEvent.click(button('加入正文'));
    await waitFor(() => expect(api.sentTo('notices.preview')).toHaveLength(2));
    expect(api.sentTo('notices.preview')[1].body).toBe(`12月10日召开年终总结会，请准时参加。\n${line}`);
    await screen.findByText('格式符合要求，没有发现重复的通知。');
    fireEvent.click(button('发布'));
    await waitFor(() => expect(api.sentTo('notices.publish')).toHaveLength(1));
    expect(api.sentTo('notices.publish')[0].attachments).toEqual([
      { fileId: expect.stringMatching(/^cloud:\/\/env\/notices\/d_market\//), name: '会议议程', description: '会议的时间安排与议题' },
    ]);
  });

  it('should send the key fact of an important notice with the right choice marked', async () => {
    const api = mockApi({ 'notices.form': () => ok(noticeForm()), 'notices.preview': () => ok(preview()) });
    render(<PublishPage />);
    await fillBasics();
    fireEvent.click(screen.getByText(/^要求确认要点/));
    expect(screen.getByText('确认要点：请填写问题和三个选项，并标出正确的一项')).toBeTruthy();
    type('问题，例如：活动在哪一天举行？', '总结会在哪一天召开？');
    type('选项 1', '12月9日');
    type('选项 2', '12月10日');
    type('选项 3', '12月11日');
    fireEvent.click(screen.getAllByText('设为正确')[1]);
    expect(screen.getByText('✓ 正确')).toBeTruthy();
    fireEvent.click(button('检查'));
    await waitFor(() => expect(api.sentTo('notices.preview')).toHaveLength(1));
    expect(api.sentTo('notices.preview')[0].keyFact).toEqual({ question: '总结会在哪一天召开？', choices: ['12月9日', '12月10日', '12月11日'], answer: 1 });

    // A general notice asks for no key fact.
    fireEvent.click(screen.getByText('一般工作信息'));
    expect(screen.queryByTestId('key-fact')).toBeNull();
  });

  it('should prefill a correction from the notice and publish it as notices.correct', async () => {
    taro.setRouterParams({ correct: 'nt_1' });
    const api = mockApi({
      'notices.form': () => ok(noticeForm()),
      'notices.get': () => ok(notice({ keyFact: undefined, canManage: true })),
      // The check names the notice being corrected; the server leaves it out (test/server/notices.test.ts).
      'notices.preview': (data) =>
        ok(preview({ near: (data as { noticeId?: string }).noticeId === 'nt_1' ? [] : [{ noticeId: 'nt_1', title: '关于召开年终总结会的通知', publishedAt: Date.UTC(2026, 11, 3, 2, 0), groupNames: ['市场部工作群'], similarity: 0.97 }] })),
      'notices.correct': () => ok(notice({ id: 'nt_2', corrects: 'nt_1' })),
    });
    render(<PublishPage />);
    expect(await screen.findByText('更正通知')).toBeTruthy();
    expect((screen.getByPlaceholderText('标题（必填，简明扼要）') as HTMLInputElement).value).toBe('关于召开年终总结会的通知');
    expect((screen.getByPlaceholderText(/^正文/) as HTMLTextAreaElement).value).toBe(BODY);
    expect(screen.getByText('附件 1：会议议程')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /市场部工作群/ }).getAttribute('aria-checked')).toBe('true');
    type(/^正文/, BODY.replace('14:00', '15:00'));
    fireEvent.click(button('检查'));
    await screen.findByTestId('preview');
    expect(screen.queryByTestId('near')).toBeNull();
    expect(api.sentTo('notices.preview')[0]).toMatchObject({ noticeId: 'nt_1' });
    fireEvent.click(button('发布更正'));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/notice/index?id=nt_2' }));
    expect(api.sentTo('notices.correct')[0]).toMatchObject({ noticeId: 'nt_1', groupIds: ['g_mkt'], body: BODY.replace('14:00', '15:00') });
    expect(api.sentTo('notices.correct')[0]).not.toHaveProperty('confirmNearDuplicate');
    expect(api.sentTo('notices.publish')).toHaveLength(0);
  });

  it('should show the refusal when publishing is refused', async () => {
    mockApi({ 'notices.form': () => ok(noticeForm()), 'notices.preview': () => ok(preview()), 'notices.publish': () => fail('NOT_PUBLISHER') });
    render(<PublishPage />);
    await fillBasics();
    fireEvent.click(button('检查'));
    await screen.findByTestId('preview');
    fireEvent.click(button('发布'));
    expect(await screen.findByText('你无权向所选的群发布这一类信息')).toBeTruthy();
    expect(taro.redirectTo).not.toHaveBeenCalled();
  });

  it('should tell someone who may publish nothing so', async () => {
    mockApi({ 'notices.form': () => ok(noticeForm({ kinds: noticeForm().kinds.map((k) => ({ ...k, groups: [] })) })) });
    render(<PublishPage />);
    expect(await screen.findByText('你暂时没有可以发布通知的群')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '发布' })).toBeNull();
  });
});

describe('receipts page', () => {
  it('should show the counts per group, the names with times, and copy the unread list', async () => {
    taro.setRouterParams({ id: 'nt_1' });
    const api = mockApi({ 'notices.receipts': () => ok(receipts()) });
    render(<ReceiptsPage />);
    const counts = await screen.findByTestId('group-counts');
    expect(within(counts).getByText('已确认 1 / 4　25%', raw)).toBeTruthy();
    expect(within(counts).getByText('已确认 1 / 2　50%', raw)).toBeTruthy();
    expect(within(counts).getByText('已确认 2 / 5　40%', raw)).toBeTruthy();
    expect(screen.getByText('市场部工作群 · 2026-12-03 11:05')).toBeTruthy();
    const row = (name: string) => document.querySelector(`[data-person="${name}"]`)!.textContent;
    expect(row('张伟')).toContain('逾期确认');
    expect(row('刘洋')).toContain('未确认');
    expect(row('黄磊')).toContain('已确认');
    expect(screen.getByText('加载更多（已显示 3 / 5）')).toBeTruthy();

    fireEvent.click(button('复制未读名单'));
    await waitFor(() => expect(taro.setClipboardData).toHaveBeenCalledWith({ data: receipts().unreadLine }));

    fireEvent.click(screen.getByText('加载更多（已显示 3 / 5）'));
    await waitFor(() => expect(api.sentTo('notices.receipts')).toHaveLength(2));
    expect(api.sentTo('notices.receipts')[1]).toMatchObject({ noticeId: 'nt_1', offset: 3, filter: 'all' });
  });

  it('should filter to those who have not acknowledged, in one group', async () => {
    taro.setRouterParams({ id: 'nt_1' });
    const api = mockApi({ 'notices.receipts': () => ok(receipts()) });
    render(<ReceiptsPage />);
    await screen.findByTestId('group-counts');
    fireEvent.click(chip('未确认'));
    await waitFor(() => expect(api.sentTo('notices.receipts').at(-1)).toMatchObject({ filter: 'pending', offset: 0 }));
    fireEvent.click(chip('项目A群'));
    await waitFor(() => expect(api.sentTo('notices.receipts').at(-1)).toMatchObject({ groupId: 'g_proj_a', filter: 'pending' }));
    // The counts stay on the page while the names reload.
    expect(screen.getByTestId('group-counts')).toBeTruthy();
  });

  it('should offer no unread list when everyone has acknowledged', async () => {
    taro.setRouterParams({ id: 'nt_1' });
    mockApi({
      'notices.receipts': () => ok(receipts({ groups: [{ id: 'g_mkt', name: '市场部工作群', owed: 2, acked: 2 }], total: { owed: 2, acked: 2, late: 0, overdue: 0 }, unreadLine: '' })),
    });
    render(<ReceiptsPage />);
    await screen.findByTestId('group-counts');
    expect(screen.queryByRole('button', { name: '复制未读名单' })).toBeNull();
  });
});

describe('notice lists', () => {
  it("should list a group's notices with their status and open one", async () => {
    taro.setRouterParams({ groupId: 'g_mkt' });
    const api = mockApi({
      'notices.list': () =>
        ok({
          items: [notice({ id: 'nt_2', title: '年终总结会改期' }), notice({ status: 'withdrawn', statusLabel: '已撤回', mine: { owed: true, ackedAt: null, late: false } })],
          total: 2,
          offset: 0,
          limit: 20,
          pending: 1,
        }),
    });
    render(<GroupNoticesPage />);
    expect(await screen.findByText('市场部工作群 · 通知')).toBeTruthy();
    expect(screen.getByText('已撤回')).toBeTruthy();
    expect(screen.getByText('待确认')).toBeTruthy();
    fireEvent.click(screen.getByText('年终总结会改期'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/notice/index?id=nt_2' });
    expect(api.sentTo('notices.list')[0]).toMatchObject({ scope: 'group', groupId: 'g_mkt' });
  });

  it('should list what I published with how many acknowledged, how many not, and what is late', async () => {
    const api = mockApi({
      'notices.list': () =>
        ok({
          items: [
            notice({ stats: { owed: 5, acked: 3, late: 0, overdue: 0 }, mine: { owed: false, ackedAt: null, late: false } }),
            notice({ id: 'nt_old', title: '上月安全检查', stats: { owed: 4, acked: 2, late: 1, overdue: 2 }, mine: { owed: false, ackedAt: null, late: false } }),
            notice({ id: 'nt_done', title: '十月例会', stats: { owed: 3, acked: 3, late: 0, overdue: 0 }, mine: { owed: false, ackedAt: null, late: false } }),
          ],
          total: 3,
          offset: 0,
          limit: 20,
          pending: 0,
        }),
    });
    render(<PublishedNoticesPage />);
    expect(await screen.findByText('已确认 3 / 5 人 · 未确认 2 人')).toBeTruthy();
    const old = document.querySelector('[data-notice="nt_old"]')!;
    expect(old.textContent).toContain('已确认 2 / 4 人 · 未确认 2 人');
    expect(old.textContent).toContain('逾期未确认 2');
    expect(old.textContent).toContain('逾期确认 1');
    expect(document.querySelector('[data-notice="nt_done"]')!.textContent).toContain('已确认 3 / 3 人 · 全部已确认');
    expect(document.querySelector('[data-notice="nt_done"]')!.textContent).not.toContain('逾期');
    expect(api.sentTo('notices.list')[0]).toMatchObject({ scope: 'published' });
    fireEvent.click(button('发布通知'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/publish/index' });
  });
});

describe("a group's page", () => {
  it('should lead to the group\'s notices', async () => {
    taro.setRouterParams({ id: 'g_mkt' });
    const roster: RosterView = {
      group: {
        id: 'g_mkt',
        name: '市场部工作群',
        type: 'department',
        typeLabel: '部门群',
        department: { id: 'd_market', name: '市场部' },
        creator: { id: 'p_wq', name: '王强' },
        admins: [{ id: 'p_ly', name: '刘洋' }],
        leaders: [{ id: 'p_cg', name: '陈刚' }],
        memberCount: 0,
        boundToWechat: true,
      },
      members: [],
      history: [],
      can: { manage: false, bind: false, appoint: false, elect: false, applyChange: false, guest: false },
    };
    mockApi({ 'groups.roster': () => ok(roster) });
    render(<GroupPage />);
    fireEvent.click(await screen.findByRole('button', { name: '群通知' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/group/index?groupId=g_mkt' });
  });
});
