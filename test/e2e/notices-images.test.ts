// An image attached to a notice waits for its content check (the local rule answers MEDIA_CHECK_DELAY_MS
// later, as WeChat's push does): the publisher sees it marked as being checked and can open it, a
// member sees only its name; a risky verdict hides it from everyone and tells the publisher.
import { screenshot, useE2E } from './support';

jest.setTimeout(180_000);
// Read by the host when useE2E starts it: long enough to publish and look before the verdict.
process.env.MEDIA_CHECK_DELAY_MS = '40000';

const e2e = useE2E();
const { signInAs } = e2e;
const text = (s: string) => e2e.current.getByText(s, { exact: true });
const here = (selector: string) => e2e.current.locator(selector);

const TITLE = '关于年会场地安排的通知';
const NAME = '年会场地示意图';
// A PNG carrying text the local rule finds prohibited (as a screenshot of an ad would).
const IMAGE = { name: '场地.png', mimeType: 'image/png', buffer: Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from('网赌平台 注册就送')]) };

afterAll(() => {
  delete process.env.MEDIA_CHECK_DELAY_MS;
});

it('should link an image under check for its publisher only, then hide it from everyone and tell the publisher when it is risky', async () => {
  await signInAs('p_wangqiang');
  await e2e.tab('我的').click();
  await text('发布通知').click();
  await text('信息类别').waitFor();
  await here('.qw-chip').filter({ hasText: '重要通知' }).click();
  await here('[role=checkbox][data-group="g_market"]').click();
  await here('input[placeholder="标题（必填，简明扼要）"]').fill(TITLE);
  await here('textarea[placeholder^="正文"]').fill('各位同事：年会定于12月20日晚六点在一楼大厅举行，请按示意图入场。');
  await here('label.qw-file-pick').locator('input[type=file]').setInputFiles(IMAGE);
  await here('[data-attachment="场地.png"]').waitFor();
  await here('input[placeholder="附件名称（必填）"]').fill(NAME);
  await here('input[placeholder="一句话说明附件内容（必填）"]').fill('入场路线');
  await text('检查').click();
  await text('加入正文').click();
  await text('格式符合要求，没有发现重复的通知。').waitFor();
  await text('发布').click();
  await e2e.page.waitForURL(/\/packages\/notices\/pages\/notice\/index\?id=/);
  const noticeId = new URL(e2e.page.url()).searchParams.get('id')!;
  const attachment = here(`[data-attachment="${NAME}"]`);
  await expect(attachment.innerText()).resolves.toMatch(/下载[\s\S]*通过前仅发布人和群管理员可见/);
  await screenshot(e2e.page, 'notice-image-pending-publisher');

  // 黄磊 sees the notice with the image's name, and no link to it yet.
  await signInAs('p_huanglei');
  await here(`[data-testid="pending-notices"] [data-notice="${noticeId}"]`).click();
  const seen = here(`[data-attachment="${NAME}"]`);
  await expect(seen.innerText()).resolves.toContain('图片正在进行内容安全检查，通过后可查看');
  await expect(seen.innerText()).resolves.not.toContain('下载');
  await screenshot(e2e.page, 'notice-image-pending-member');

  // The verdict arrives (risky): the image is gone for him on the next look.
  const hidden = here('[data-testid="hidden-attachments"]');
  for (let i = 0; i < 70 && !(await hidden.count()); i++) {
    await e2e.page.waitForTimeout(1000);
    await e2e.page.reload();
    await text(TITLE).waitFor();
  }
  await expect(hidden.innerText()).resolves.toBe('1 张图片未通过微信内容安全检查，已隐藏');
  await expect(here(`[data-attachment="${NAME}"]`).count()).resolves.toBe(0);
  await screenshot(e2e.page, 'notice-image-hidden-member');

  // 王强 is told which image, and why, in 站内消息; his notice says how to send it again.
  await signInAs('p_wangqiang');
  await here('.qw-card').filter({ hasText: '站内消息' }).click();
  const told = here('.qw-card').filter({ hasText: '通知附件未通过内容安全检查' });
  await expect(told.innerText()).resolves.toContain(`你发布的通知《${TITLE}》中的图片「${NAME}」未通过微信内容安全检查（疑似`);
  await expect(told.count()).resolves.toBe(1);
  await screenshot(e2e.page, 'notice-image-publisher-told');
  await told.click();
  await expect(here('[data-testid="hidden-attachments"]').innerText()).resolves.toContain('如需补发，请更正通知并换一张图片');
  await screenshot(e2e.page, 'notice-image-hidden-publisher');
});
