// current(page), which the e2e files look things up in: Taro's h5 router keeps earlier pages in the DOM,
// hidden, and slides pages in and out; current(page) is the page the address bar is at, never the one
// under it, and the page gone back to at once (while the other still slides out).
import { useE2E } from './support';

jest.setTimeout(120_000);

const e2e = useE2E();

it('should look only in the page the address bar is at, under a new page and right after going back', async () => {
  await e2e.signInAs('p_huanglei');
  const greeting = '你好，黄磊';
  await expect(e2e.current.getByText(greeting).count()).resolves.toBe(1);

  await e2e.current.getByText('申请改名', { exact: true }).first().click();
  await e2e.page.waitForURL(/\/packages\/member\/pages\/rename\/index/);
  await e2e.current.getByText('新的群昵称').waitFor();
  await expect(e2e.current.getAttribute('id')).resolves.toMatch(/^\/packages\/member\/pages\/rename\/index\?/);
  // 首页 is still in the document, under the form: not in the current page.
  await expect(e2e.page.getByText(greeting).count()).resolves.toBe(1);
  await expect(e2e.current.getByText(greeting).count()).resolves.toBe(0);

  await e2e.page.goBack();
  await expect(e2e.current.getAttribute('id')).resolves.toMatch(/^\/pages\/home\/index\?/);
  await expect(e2e.current.getByText(greeting).count()).resolves.toBe(1);
  await expect(e2e.current.getByText('新的群昵称').count()).resolves.toBe(0);
});
