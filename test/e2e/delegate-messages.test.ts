// 代理 and messages, clicked through on the local host: 周杰 is away with 孙丽 standing in. 黄磊 nudges his
// request waiting on 周杰, and 孙丽 finds it in 站内消息 as 代周杰：催办, taps it and approves for him; an
// emergency task given to 周杰 stays out of her 待办. Preconditions go through the api, as the people.
import { screenshot, useE2E } from './support';

jest.setTimeout(300_000);

const e2e = useE2E();
const { act } = e2e;

it('should tell the delegate of a nudge as 代周杰, take her from the message to the decision, and keep his emergency task out of her 待办', async () => {
  const now = await e2e.host.now();
  const filed = await act('p_huanglei', 'rename.submit', { groupId: 'g_projecta', nickname: '黄磊-市场部', requestId: 'e2e-delegate-messages-1' });
  // 孙丽 hands her part to the leader: the request waits on 周杰 and 陈刚, and on her only as 周杰's delegate.
  await act('p_sunli', 'cases.handOver', { caseId: filed.id, toPersonId: 'p_chengang' });
  await act('p_zhoujie', 'delegations.set', { delegateId: 'p_sunli', from: now, to: now + 7 * 86_400_000 });
  await act('p_huanglei', 'cases.nudge', { caseId: filed.id });
  const emergency = await act('p_chengang', 'emergencies.start', {
    groupId: 'g_projecta',
    title: '服务器宕机',
    description: '线上服务不可用',
    respondWithinMinutes: 60,
    assignments: [{ personId: 'p_zhoujie', task: '重启服务' }],
    requestId: 'e2e-delegate-messages-2',
  });

  await e2e.signInAs('p_sunli');
  // Her 待办: 周杰's emergency task is his own, not listed (she saw the group's alert in 站内消息 like every member).
  await e2e.tab('待办').click();
  await e2e.current.locator('.qw-header__title:visible', { hasText: '待办' }).waitFor();
  // 周杰's request is there, marked 代 周杰.
  const request = e2e.current.locator('.qw-case-card', { hasText: '黄磊' });
  await request.waitFor();
  await expect(request.innerText()).resolves.toContain('代 周杰');
  await expect(e2e.current.locator('.qw-case-card', { hasText: emergency.title }).count()).resolves.toBe(0);
  expect((await act('p_sunli', 'inbox.list', {})).items.map((c) => c.id)).not.toContain(emergency.id);
  const his = await act('p_zhoujie', 'inbox.list', {});
  expect(his.items.map((c) => c.kind)).toContain('emergency');
  await screenshot(e2e.page, 'delegate-messages-todo');

  await e2e.tab('我的').click();
  await e2e.current.locator('.qw-list-item:visible', { hasText: /站内消息（\d+ 条未读）/ }).click();
  const message = e2e.current.locator('.qw-card', { hasText: '代周杰：催办：改名申请' });
  await message.waitFor();
  await expect(message.innerText()).resolves.toContain('黄磊 催你尽快处理「改名为“黄磊-市场部”」');
  await screenshot(e2e.page, 'delegate-messages-inbox');

  await message.click();
  const review = e2e.current.locator('.qw-card', { hasText: '申请昵称' });
  await review.waitFor();
  await expect(e2e.current.innerText()).resolves.toContain('孙丽（代 周杰）');
  await e2e.current.locator('taro-button-core', { hasText: /^\s*批准\s*$/ }).click();
  await e2e.current.locator('.qw-history', { hasText: '孙丽（代 周杰） · 批准' }).waitFor();
  // After the 已批准 toast has come and gone.
  const toast = e2e.page.locator('.taro__toast');
  await toast.waitFor({ state: 'visible', timeout: 5000 }).catch(() => undefined);
  await toast.waitFor({ state: 'hidden' });
  await screenshot(e2e.page, 'delegate-messages-approved');
});
