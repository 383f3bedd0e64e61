// 系统设置 → 审计记录校验, as the owner sees it: 赵敏 exports, a day passes (the scheduler's checkpoint
// records the export), the check passes; then someone with access to the database deletes the export
// record, and the same check names it.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { screenshot, useE2E } from './support';

jest.setTimeout(240_000);
const e2e = useE2E();
const { act } = e2e;
const DAY = 86_400_000;

async function verifyInSettings() {
  const { page, host } = e2e;
  await page.goto(`${host.url}/packages/admin/pages/settings/index`);
  const button = e2e.current.locator('taro-button-core', { hasText: '校验审计记录' });
  await button.waitFor();
  await button.click();
  await e2e.current.getByText(/^[✓✗] 已检查/).waitFor({ timeout: 30_000 });
  await e2e.current.getByTestId('audit-panel').scrollIntoViewIfNeeded();
}

it('should pass the owner\'s check while the export record is there, and name it once it is deleted', async () => {
  const { host, page } = e2e;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const exported = await act('p_zhaomin', 'reports.export', { from: today, to: today, requestId: 'e2e-audit-1' });
  // The next day's first scheduler run writes the checkpoint that records it.
  await host.advance(DAY);

  await e2e.signInAs('p_zhaomin');
  await verifyInSettings();
  await e2e.current.getByText(/^✓ 已检查 \d+ 项记录（处理记录与导出记录），全部完整，未发现篡改$/).waitFor();
  await screenshot(page, 'audit-clean');

  // Someone with the database (a console account, a copy of the file) deletes the record.
  const db = new Database(join(host.dataDir, 'qunwu.sqlite'));
  expect(db.prepare('DELETE FROM exports WHERE _id = ?').run(exported.id).changes).toBe(1);
  db.close();

  await verifyInSettings();
  await e2e.current.getByText(/^✗ 已检查 \d+ 项，发现 1 处问题：$/).waitFor();
  const named = e2e.current.getByText(new RegExp(`^导出记录 ${exported.id}：导出记录已从数据库中删除，但检查点 #\\d+`));
  await named.waitFor();
  expect(await named.innerText()).toContain('导出编号');
  await screenshot(page, 'audit-export-deleted');
});
