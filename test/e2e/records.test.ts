// Chat-record backups and record access (§6), clicked through as people do: an admin uploads a
// backup, a member asks with the pledge, the admin approves with an expiry, the member downloads
// the very bytes, the clock moves past the expiry, and the link is refused.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { screenshot, useE2E } from './support';

jest.setTimeout(180_000);

const e2e = useE2E();
const { signInAs } = e2e;
const text = (s: string) => e2e.current.getByText(s, { exact: true });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const BACKUP = Buffer.from('【市场部工作群】聊天记录导出\n刘洋：本月活动报价以附件为准。\n'.repeat(40));

it('should take a backup from upload to a time-limited download that stops at the expiry', async () => {
  // The admin registers last month's backup of 市场部工作群 with the exported file.
  await signInAs('p_liuyang');
  await e2e.tab('我的').click();
  await text('聊天记录备份').click();
  await e2e.current.getByText('覆盖时间线').waitFor();
  await e2e.current.locator('input[type=file]').setInputFiles({ name: '市场部工作群-聊天记录.txt', mimeType: 'text/plain', buffer: BACKUP });
  await screenshot(e2e.page, 'backup-form');
  await text('登记备份').click();
  await e2e.current.getByText('已登记的备份（1）').waitFor();
  await screenshot(e2e.page, 'backup-registered');

  // Its detail: the checksum the server computed, 校验 says 完整, and the citation to copy.
  await e2e.current.locator('[data-backup]').first().click();
  await text('校验完整性').click();
  await e2e.current.locator('.qw-tag', { hasText: '完整' }).first().waitFor();
  await expect(e2e.current.innerText()).resolves.toContain(sha(BACKUP));
  await expect(e2e.current.getByTestId('citation').innerText()).resolves.toMatch(/来源：「市场部工作群」群聊记录（.+），备份编号 bk_[0-9a-f]+，SHA-256 [0-9a-f]{64}/);
  await screenshot(e2e.page, 'backup-verified');

  // A member asks for last month with the pledge; without it the form will not send.
  await signInAs('p_huanglei');
  await text('查阅聊天记录').first().click();
  await e2e.current.getByText('查阅目的').waitFor();
  await e2e.current.locator('textarea').fill('核对十月活动报价的沟通记录');
  await text('须先勾选保密承诺才能提交。').waitFor();
  await e2e.current.getByTestId('pledge').click();
  await screenshot(e2e.page, 'request-form');
  await text('提交申请').click();
  await e2e.current.getByText('待审批').first().waitFor();
  await screenshot(e2e.page, 'request-submitted');

  // The admin sees what approval grants and approves for one day.
  await signInAs('p_liuyang');
  await e2e.tab('待办').click();
  await e2e.current.getByText(/^查阅 .+ 的聊天记录$/).first().click();
  await e2e.current.getByText('批准后将授予的备份（1）').waitFor();
  await e2e.current.locator('input[type=number]').fill('1');
  await screenshot(e2e.page, 'admin-review-access');
  await text('批准').click();
  await e2e.current.getByText('已授予的备份（1）').waitFor();
  await e2e.current.locator('taro-button-core', { hasText: '撤销授权' }).waitFor();
  await screenshot(e2e.page, 'admin-approved-access');

  // The member downloads the file: the very bytes that were uploaded.
  await signInAs('p_huanglei');
  await e2e.current.getByText('已通过').first().click();
  await text('查看授权的备份并下载').waitFor();
  const caseId = new URL(e2e.page.url()).searchParams.get('id')!;
  await text('查看授权的备份并下载').click();
  await e2e.current.getByText('有效期至').waitFor();
  await screenshot(e2e.page, 'member-grant');
  const [download] = await Promise.all([e2e.page.waitForEvent('download'), text('下载').click()]);
  const bytes = readFileSync((await download.path())!);
  expect(sha(bytes)).toBe(sha(BACKUP));
  const link = download.url();

  // The admin sees the link and the download in the access log.
  await signInAs('p_liuyang');
  await e2e.page.goto(`${e2e.host.url}/packages/admin/pages/review/index?id=${caseId}`);
  await e2e.current.getByText('查阅日志').waitFor();
  await e2e.current.getByText(/黄磊 下载/).waitFor();
  await e2e.current.getByText(/黄磊 下载/).scrollIntoViewIfNeeded();
  await screenshot(e2e.page, 'access-log');

  // A day later the grant has expired: the old link is refused and no new one is issued.
  await e2e.host.advance(24 * 3600_000 + 60_000);
  await signInAs('p_huanglei');
  const refused = await e2e.page.goto(link);
  expect(refused!.status()).toBe(410);
  await e2e.page.getByRole('heading', { name: '下载链接已过期' }).waitFor();
  await screenshot(e2e.page, 'link-refused-after-expiry');
  await e2e.page.goto(`${e2e.host.url}/packages/records/pages/grant/index?id=${caseId}`);
  await e2e.current.getByText('授权已到期').first().waitFor();
  await e2e.current.getByText('授权已结束，不能再获取下载链接').first().waitFor();
  await expect(e2e.page.getByText('下载', { exact: true }).count()).resolves.toBe(0);
  await screenshot(e2e.page, 'member-grant-expired');
});

