// Notices (§3.2, §4) clicked through as people do: the head of 市场部 publishes an important notice
// with an attachment, the same again is refused as a duplicate, a member acknowledges from 首页, the
// admin sees 1 of 5 and copies the unread list, the scheduler reminds the rest at 10:00 on the next
// working days, and at the deadline the publisher gets the final count.
import { DEFAULT_SETTINGS } from '../../src/contract';
import { isWorkingDay } from '../../src/core/calendar';
import { nextDate, shanghaiDate } from '../../src/core/time';
import { screenshot, useE2E } from './support';

jest.setTimeout(120_000);

const e2e = useE2E();
const { signInAs } = e2e;
// Taro's h5 keeps the pages below the current one in the DOM, hidden: look only at the current one.
const text = (s: string) => e2e.current.getByText(s, { exact: true });
const here = (selector: string) => e2e.current.locator(selector);
/** Taro's h5 toast is a fixed box over the page (1.5 s): wait it out so the picture shows the page. */
const toastGone = () => e2e.page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).every((e) => e.style.display === 'none'));
const publishButton = () => here('taro-button-core').filter({ hasText: /^发布$/ });

const TITLE = '关于十月促销活动安排的通知';
const BODY = '各位同事：十月促销活动定于10月15日启动，请各门店负责人于10月10日前报送活动方案。';
const ATTACHMENT_NAME = '十月促销活动排期表';
const ATTACHMENT_DESCRIPTION = '各门店的活动日期和负责人';
const ATTACHMENT_LINE = `附件：《${ATTACHMENT_NAME}》（${ATTACHMENT_DESCRIPTION}）`;
const FILE = { name: '活动排期表.csv', mimeType: 'text/csv', buffer: Buffer.from('门店,活动日期,负责人\n人民路店,10月15日,黄磊\n解放路店,10月16日,郑爽\n') };
// 市场部工作群's members besides the publisher 王强: 刘洋, 张伟, 黄磊, 郑爽, 何静 (陈刚 is its leader, not a member).
const OWED = 5;

/** Moves the host's clock to `at` (never back), runs the scheduler once and returns how many reminders and final counts it sent. */
async function schedulerAt(at: number): Promise<number> {
  const now = await e2e.host.now();
  expect(at).toBeGreaterThanOrEqual(now);
  await fetch(`${e2e.host.url}/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: at - now }) });
  const report = (await (await fetch(`${e2e.host.url}/dev/scheduler`, { method: 'POST' })).json()) as { reminded: number };
  return report.reminded;
}

/** The working day after `date` on China's calendar (holidays and 调休 included), Asia/Shanghai. */
function nextWorkingDay(date: string): string {
  let d = nextDate(date);
  while (!isWorkingDay(d, DEFAULT_SETTINGS.calendar)) d = nextDate(d);
  return d;
}
const shanghai = (date: string, time: string) => Date.parse(`${date}T${time}+08:00`);

/** 我的 → 发布通知, an important notice to 市场部工作群 with the attachment; `body` as typed. */
async function fillNotice(body: string) {
  await e2e.tab('我的').click();
  await text('发布通知').click();
  await text('信息类别').waitFor();
  await here('.qw-chip').filter({ hasText: '重要通知' }).click();
  await here('[role=checkbox][data-group="g_market"]').click();
  await here('input[placeholder="标题（必填，简明扼要）"]').fill(TITLE);
  await here('textarea[placeholder^="正文"]').fill(body);
  await here('label.qw-file-pick').locator('input[type=file]').setInputFiles(FILE);
  await here('[data-attachment="活动排期表.csv"]').waitFor();
  await here('input[placeholder="附件名称（必填）"]').fill(ATTACHMENT_NAME);
  await here('input[placeholder="一句话说明附件内容（必填）"]').fill(ATTACHMENT_DESCRIPTION);
}

it('should take an important notice from publishing through acknowledgement, the unread list and reminders to the final count', async () => {
  // 王强 (head of 市场部) writes the notice; the check offers the line that names the attachment.
  await signInAs('p_wangqiang');
  await fillNotice(BODY);
  await expect(here('input[placeholder="附件名称（必填）"]').inputValue()).resolves.toBe(ATTACHMENT_NAME);
  await here('.qw-header').scrollIntoViewIfNeeded();
  await screenshot(e2e.page, 'notice-form');
  await text('检查').click();
  await here(`[data-unmentioned="${ATTACHMENT_NAME}"]`).waitFor();
  await publishButton().scrollIntoViewIfNeeded();
  await screenshot(e2e.page, 'notice-check-unmentioned');
  await text('加入正文').click();
  await text('格式符合要求，没有发现重复的通知。').waitFor();
  await expect(here('textarea[placeholder^="正文"]').inputValue()).resolves.toBe(`${BODY}\n${ATTACHMENT_LINE}`);
  await expect(here('[data-testid="owed"]').innerText()).resolves.toBe(`${OWED} 人`);
  await publishButton().scrollIntoViewIfNeeded();
  await screenshot(e2e.page, 'notice-check-ok');

  await text('发布').click();
  await e2e.page.waitForURL(/\/packages\/notices\/pages\/notice\/index\?id=/);
  const noticeId = new URL(e2e.page.url()).searchParams.get('id')!;
  const publishedAt = await e2e.host.now();
  await text(TITLE).waitFor();
  await e2e.current.getByText(`发布部门：市场部　发布日期：${shanghaiDate(publishedAt)}`).waitFor();
  await here(`[data-attachment="${ATTACHMENT_NAME}"]`).waitFor();
  await expect(here('[data-testid="receipts-link"]').innerText()).resolves.toContain(`已确认 0 / ${OWED} 人`);
  await screenshot(e2e.page, 'notice-published');

  // The same notice again: the check names the earlier one and 发布 stays off.
  await e2e.page.goBack();
  await fillNotice(`${BODY}\n${ATTACHMENT_LINE}`);
  await text('检查').click();
  const duplicate = here('[data-testid="duplicate"]');
  await duplicate.waitFor();
  await expect(duplicate.innerText()).resolves.toContain('不能重复发布');
  await expect(duplicate.locator(`[data-earlier="${noticeId}"]`).innerText()).resolves.toContain(`《${TITLE}》`);
  // Taro's h5 button carries disabled="false" when enabled.
  await expect(publishButton().getAttribute('disabled')).resolves.toMatch(/^(|true|disabled)$/);
  await publishButton().scrollIntoViewIfNeeded();
  await screenshot(e2e.page, 'notice-duplicate-refused');

  // 黄磊 finds it first on 首页 and acknowledges it.
  await signInAs('p_huanglei');
  const pending = here('[data-testid="pending-notices"]');
  await pending.waitFor();
  await expect(here('.qw-section').first().getAttribute('data-testid')).resolves.toBe('pending-notices');
  await expect(pending.innerText()).resolves.toMatch(new RegExp(`待确认的通知\\s*1[\\s\\S]*${TITLE}`));
  await screenshot(e2e.page, 'notice-member-home');
  await pending.locator(`[data-notice="${noticeId}"]`).click();
  await text('请确认已读').waitFor();
  await text('确认已读').click();
  await expect(here('[data-testid="acked"]').innerText()).resolves.toMatch(/已确认[\s\S]*按时确认/);
  await toastGone();
  await screenshot(e2e.page, 'notice-member-acknowledged');
  await e2e.page.goBack();
  // 首页 reads the list again when shown: nothing is left to acknowledge.
  await text('我的群').waitFor();
  await here('[data-testid="pending-notices"]').locator('visible=true').waitFor({ state: 'detached', timeout: 5000 });

  // 刘洋 (the group's admin) sees 1 of 5 and copies the @-line of those who have not.
  await signInAs('p_liuyang');
  await here(`[data-testid="pending-notices"] [data-notice="${noticeId}"]`).click();
  await expect(here('[data-testid="receipts-link"]').innerText()).resolves.toContain(`已确认 1 / ${OWED} 人`);
  await here('[data-testid="receipts-link"]').click();
  await expect(here('[data-testid="group-counts"] [data-group="g_market"]').innerText()).resolves.toMatch(new RegExp(`市场部工作群\\s*已确认 1 / ${OWED}\\s+20%`));
  const unread = (await here('[data-testid="unread-line"]').innerText()).trim();
  expect(unread.split(' 请查看并确认')[0].split(' ').sort()).toEqual(['@何静-行政部', '@刘洋-市场部', '@张伟-市场部', '@郑爽-市场部'].sort());
  expect(unread).toMatch(new RegExp(`请查看并确认《${TITLE}》$`));
  await expect(here('[data-person="黄磊"]').innerText()).resolves.toContain('已确认');
  await text('复制未读名单').click();
  await e2e.page.getByText('已复制，粘贴到微信群即可', { exact: true }).waitFor(); // a toast
  // Taro's h5 setClipboardData keeps what it copied in storage (getClipboardData reads it back).
  const copied = await e2e.page.evaluate(() => JSON.parse(localStorage.getItem('taro_clipboard') ?? '{}').data as string | undefined);
  expect(copied).toBe(unread);
  await screenshot(e2e.page, 'notice-admin-receipts');

  // Reminders: nothing on the day of publishing nor before 10:00 of the next working day; then the
  // four who have not acknowledged, once per round; the next working day again.
  const day1 = nextWorkingDay(shanghaiDate(publishedAt));
  const day2 = nextWorkingDay(day1);
  await expect(schedulerAt(Math.max(shanghai(shanghaiDate(publishedAt), '23:59:00'), await e2e.host.now()))).resolves.toBe(0);
  await expect(schedulerAt(shanghai(day1, '09:55:00'))).resolves.toBe(0);
  await expect(schedulerAt(shanghai(day1, '10:01:00'))).resolves.toBe(OWED - 1);
  await expect(schedulerAt(shanghai(day1, '10:02:00'))).resolves.toBe(0);

  await signInAs('p_zhengshuang');
  await here('.qw-card').filter({ hasText: '站内消息' }).filter({ hasText: '条未读' }).click();
  const reminder = here('.qw-card').filter({ hasText: '请确认通知' });
  await expect(reminder.innerText()).resolves.toContain(`《${TITLE}》请于`);
  await expect(reminder.count()).resolves.toBe(1);
  await screenshot(e2e.page, 'notice-member-reminded');
  await reminder.click();
  await text('请确认已读').waitFor();

  await expect(schedulerAt(shanghai(day2, '10:01:00'))).resolves.toBe(OWED - 1);
  // The deadline is the end of the second working day: no count before it, one right after.
  await expect(schedulerAt(shanghai(day2, '23:58:00'))).resolves.toBe(0);
  await expect(schedulerAt(shanghai(nextDate(day2), '00:01:00'))).resolves.toBe(1);

  await signInAs('p_wangqiang');
  await here('.qw-card').filter({ hasText: '站内消息' }).click();
  const final = here('.qw-card').filter({ hasText: '通知确认截止' });
  await expect(final.innerText()).resolves.toContain(`《${TITLE}》已确认 1 / ${OWED} 人`);
  await expect(final.count()).resolves.toBe(1);
  await screenshot(e2e.page, 'notice-publisher-final-count');

  // 我发布的通知: each notice with its counts, the four past the deadline marked overdue.
  await e2e.page.goBack();
  await e2e.tab('我的').click();
  await text('我发布的通知').click();
  const card = here(`[data-notice="${noticeId}"]`);
  await expect(card.locator('[data-testid="notice-counts"]').innerText()).resolves.toMatch(new RegExp(`已确认 1 / ${OWED} 人 · 未确认 ${OWED - 1} 人\\s*逾期未确认 ${OWED - 1}`));
  await screenshot(e2e.page, 'notice-publisher-list');
  // The notice itself shows the same, without a second call for the counts.
  await card.click();
  await expect(here('[data-testid="receipts-link"]').innerText()).resolves.toMatch(new RegExp(`已确认 1 / ${OWED} 人 · 未确认 ${OWED - 1} 人\\s*逾期未确认 ${OWED - 1}`));
  await screenshot(e2e.page, 'notice-publisher-counts');
});
