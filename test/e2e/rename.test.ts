// A member files a rename request, an admin approves it from 待办, and the member sees 已通过 and
// exactly what to set in WeChat — clicked as people do, in chromium against the local host.
import { screenshot, useE2E } from './support';

jest.setTimeout(120_000);

const e2e = useE2E();
const { signInAs } = e2e;
const text = (s: string) => e2e.current.getByText(s, { exact: true });

it('should take a rename request from the member to the admin and back', async () => {
  // Without a session the app sends you to sign in.
  await e2e.page.goto(e2e.host.url);
  await e2e.page.waitForURL(/\/dev\/signin/);
  await screenshot(e2e.page, 'signin');

  await e2e.page.click('button[data-person="p_huanglei"]');
  await e2e.current.getByText('你好，黄磊').waitFor();
  await e2e.current.getByText('需改名').waitFor();
  await screenshot(e2e.page, 'member-home');

  // The market group's card comes first; its nickname '磊磊' is not compliant.
  await text('申请改名').first().click();
  await e2e.current.getByText('市场部工作群').first().waitFor();
  const input = e2e.current.locator('input').first();
  await expect(input.inputValue()).resolves.toBe('黄磊-市场部');
  await screenshot(e2e.page, 'rename-form');

  // A wrong nickname is refused before anything is sent.
  await input.fill('黄磊');
  await e2e.current.getByText(/隔开/).first().waitFor();
  await screenshot(e2e.page, 'rename-form-invalid');
  await input.fill('黄磊-市场部');

  await text('提交申请').click();
  // h5 stands in for WeChat's subscription popup with a modal.
  await e2e.modal('允许').click();
  await e2e.current.getByText('待审批').first().waitFor();
  await screenshot(e2e.page, 'rename-submitted');

  await signInAs('p_liuyang');
  await e2e.tab('待办').click();
  await e2e.current.getByText('黄磊').first().waitFor();
  await screenshot(e2e.page, 'admin-inbox');
  await e2e.current.getByText('黄磊').first().click();
  await text('批准').waitFor();
  await screenshot(e2e.page, 'admin-review');
  await text('批准').click();
  await e2e.current.getByText('已通过').first().waitFor();
  await screenshot(e2e.page, 'admin-approved');

  await signInAs('p_huanglei');
  await e2e.current.getByText('合规').first().waitFor();
  await e2e.current.getByText('已通过').first().click();
  await e2e.current.getByText('请在微信群「市场部工作群」中把群昵称设置为').waitFor();
  await expect(e2e.current.innerText()).resolves.toContain('黄磊-市场部');
  await screenshot(e2e.page, 'member-sees-approved');

  // The member allowed one subscription message: the decision was pushed, and shows in the outbox.
  await e2e.page.goto(`${e2e.host.url}/dev/outbox`);
  await e2e.page.getByText('改名申请已通过').waitFor();
  await screenshot(e2e.page, 'outbox');
});
