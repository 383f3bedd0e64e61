// 报表 and the audited export (issue 17), clicked as people do: 陈刚 (leader of 市场部工作群 and
// 项目A群) opens 报表 from 我的, sees both groups' figures, taps a bar and sees the cases behind it;
// 赵敏 (the owner) exports 项目A群's last month and finds the export with its checksum in 导出记录.
// The cases are filed through the actions themselves, some on a test clock moved back and forth.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, current, largeText, phonePage, screenshot, signInAs as signInAsOn, useE2E } from './support';

jest.setTimeout(240_000);

const e2e = useE2E();
const { signInAs, act } = e2e;
const text = (s: string) => e2e.current.getByText(s, { exact: true });
const DAY = 86400_000;

let seq = 0;
/** A member asks to be renamed to the nickname the rule gives them; returns the case id. */
async function renameRequest(personId: string, groupId: string): Promise<string> {
  const preview = await act(personId, 'rename.preview', { groupId });
  const c = await act(personId, 'rename.submit', { groupId, nickname: preview.canonical, requestId: `e2e-reports-${++seq}-${personId}` });
  return c.id;
}

/** Runs `fn` with the host's clock at `at`, then puts the clock back. */
async function at(when: number, fn: () => Promise<void>) {
  const delta = when - Date.now();
  await fetch(`${e2e.host.url}/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: delta }) });
  try {
    await fn();
  } finally {
    await fetch(`${e2e.host.url}/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: -delta }) });
  }
}

/** Noon in Shanghai on the 15th of last month: inside 上个月 whatever today is. */
function midLastMonth(): number {
  const sh = new Date(Date.now() + 8 * 3600_000);
  return Date.UTC(sh.getUTCFullYear(), sh.getUTCMonth() - 1, 15, 4, 0);
}

it('should show 陈刚 both groups\' figures and the cases behind a bar', async () => {
  // Two weeks ago one rename in each group, one approved; today two more, one still waiting.
  await at(Date.now() - 14 * DAY, async () => {
    const mine = await renameRequest('p_huanglei', 'g_market');
    await act('p_liuyang', 'rename.approve', { caseId: mine });
    await renameRequest('p_zhangwei_m', 'g_projecta');
  });
  await renameRequest('p_zhengshuang', 'g_market');
  await renameRequest('p_machao', 'g_projecta');

  await signInAs('p_chengang');
  await e2e.tab('我的').click();
  await text('报表').click();
  await e2e.current.getByText('新开事项').waitFor();
  await e2e.current.getByText(/全部 2 个群（市场部工作群、项目A群）/).waitFor();
  const opened = e2e.current.locator('[data-figure="opened"]');
  const canvas = opened.locator('canvas');
  await canvas.waitFor();
  await screenshot(e2e.page, 'reports-overview');
  await e2e.current.locator('[data-figure="measures"]').scrollIntoViewIfNeeded();
  await screenshot(e2e.page, 'reports-overview-more');

  // The table beside the chart: the weeks and the count per kind.
  await opened.getByText('表格', { exact: true }).click();
  await opened.getByText('改名申请', { exact: true }).waitFor();
  await screenshot(e2e.page, 'reports-table');
  await opened.getByText('图表', { exact: true }).click();
  await canvas.waitFor();

  // Tap the bar of two weeks ago (the second of four; this week may also hold a scheduler's case):
  // just above the axis, which sits 28 px up.
  const box = (await canvas.boundingBox())!;
  const plot = box.width - 44 - 12;
  await e2e.page.mouse.click(box.x + 44 + plot * (1.5 / 4), box.y + box.height - 28 - 4);
  await e2e.page.waitForURL(/\/packages\/reports\/pages\/drill\/index/);
  await e2e.current.getByText('共 2 件事项').waitFor();
  await e2e.current.getByText(/新开事项 · 改名申请/).waitFor();
  const body = await e2e.page.locator('body').innerText();
  expect(body).toContain('黄磊');
  expect(body).toContain('张伟');
  expect(body).not.toContain('马超'); // filed this week: another bar
  await screenshot(e2e.page, 'reports-drill');

  // Each row opens its case.
  await e2e.current.getByText('张伟').first().click();
  await e2e.page.waitForURL(/\/packages\/case\/pages\/case\/index\?id=/);
  // The case page's own 待审批 (the drill page under it has its tags too).
  await e2e.current.getByText('待审批').first().waitFor();
  await screenshot(e2e.page, 'reports-drill-case');
});

it('should export 项目A群\'s last month for 赵敏 and list it in 导出记录 with its checksum', async () => {
  // Last month in 项目A群: a rename filed and approved (two history rows at least).
  await at(midLastMonth(), async () => {
    const c = await renameRequest('p_zhangwei_t', 'g_projecta');
    await act('p_zhoujie', 'rename.approve', { caseId: c });
  });

  await signInAs('p_zhaomin');
  await e2e.tab('我的').click();
  await text('报表').click();
  await text('导出 Excel（事项与处理记录）').click();
  // 报表 stays open under 导出, with group chips of its own: the chip of 导出's form.
  await e2e.page.waitForURL(/\/packages\/reports\/pages\/export\/index/);
  await e2e.current.getByText('时间段（事项的提出日期）').waitFor();
  const chip = e2e.current.getByText('项目A群', { exact: true });
  await chip.waitFor();
  await chip.click();
  await screenshot(e2e.page, 'export-form');
  await e2e.current.locator('taro-button-core', { hasText: '导出' }).click();
  await e2e.current.getByText('导出完成').waitFor();
  const sha = (await e2e.current.getByTestId('file-sha256').innerText()).trim();
  expect(sha).toMatch(/^[0-9a-f]{64}$/);
  // Its rename (filed, approved: two entries), and 张伟's of two weeks ago when that fell in last month too (one).
  const month = (t: number) => new Date(t + 8 * 3600_000).getUTCMonth();
  const alsoThatOne = month(Date.now() - 14 * DAY) === month(midLastMonth());
  await e2e.current.getByText(alsoThatOne ? '事项 2 行，处理记录 3 行' : '事项 1 行，处理记录 2 行').waitFor();
  await e2e.current.getByText('导出完成').scrollIntoViewIfNeeded();
  await screenshot(e2e.page, 'export-done');

  // The file behind the link is the one whose SHA-256 the page shows.
  const [download] = await Promise.all([e2e.page.waitForEvent('download'), e2e.current.locator('taro-button-core', { hasText: '下载' }).click()]);
  expect(createHash('sha256').update(readFileSync((await download.path())!)).digest('hex')).toBe(sha);

  // 导出记录: the export, who made it, and the same checksum; verifying the checksum finds it.
  await e2e.page.goto(`${e2e.host.url}/packages/reports/pages/overview/index`);
  await text('导出记录').click();
  await e2e.current.locator(`[data-sha256="${sha}"]`).waitFor();
  const log = await e2e.current.locator('[data-export]').first().innerText();
  expect(log).toContain('赵敏');
  expect(log).toContain('项目A群');
  expect(log).toContain('记录完整');
  await screenshot(e2e.page, 'exports-log');
  await e2e.current.locator('input[placeholder="例如 3a7bd3e2…（64 位）"]').fill(sha);
  await e2e.current.locator('taro-button-core', { hasText: '核对' }).click();
  await e2e.current.getByText('与导出记录一致').waitFor();
  await screenshot(e2e.page, 'exports-verified');
});

it('should stay readable at large text in dark mode: nothing clipped, only the table scrolls sideways', async () => {
  const big = await phonePage(e2e.browser, { colorScheme: 'dark' }, largeText);
  try {
    await signInAsOn(big, e2e.host, 'p_chengang');
    await big.goto(`${e2e.host.url}/packages/reports/pages/overview/index`);
    const opened = current(big).locator('[data-figure="opened"]');
    await opened.getByText('表格', { exact: true }).click();
    await opened.locator('.qw-ftable__row').nth(1).waitFor();
    await big.waitForTimeout(700);
    const problems = await big.evaluate(() => {
      const out: string[] = [];
      const width = document.documentElement.clientWidth;
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('.qw-page *'))) {
        if (el.closest('.qw-ftable__scroll') || el.closest('.qw-chart')) continue; // the table scrolls; the chart is drawn to fit
        const s = getComputedStyle(el);
        const hides = s.overflowX === 'hidden' || s.overflow === 'hidden' || s.textOverflow === 'ellipsis';
        if (hides && el.scrollWidth > el.clientWidth + 1) out.push(`clipped: ${el.className} ${el.textContent?.slice(0, 20)}`);
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > width + 1) out.push(`off screen: ${el.className} ${el.textContent?.slice(0, 20)}`);
      }
      return out;
    });
    expect(problems).toEqual([]);
    await big.screenshot({ path: join(ARTIFACTS, 'reports-large-dark.png'), fullPage: true });
    // Back to the chart: drawn in the app's dark colours (grid lines --qw-line #33363b), none of the light ones (#e5e6eb).
    await opened.getByText('图表', { exact: true }).click();
    const canvas = opened.locator('.qw-chart canvas');
    await canvas.waitFor();
    await canvas.scrollIntoViewIfNeeded();
    await big.waitForTimeout(300);
    const pixels = await canvas.evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const count = { darkLine: 0, lightLine: 0 };
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        if (a === 255 && r === 0x33 && g === 0x36 && b === 0x3b) count.darkLine++;
        if (a === 255 && r === 0xe5 && g === 0xe6 && b === 0xeb) count.lightLine++;
      }
      return count;
    });
    expect(pixels.darkLine).toBeGreaterThan(100);
    expect(pixels.lightLine).toBe(0);
    await opened.screenshot({ path: join(ARTIFACTS, 'reports-chart-dark.png') });
  } finally {
    await big.context().close();
  }
});
