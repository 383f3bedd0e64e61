// A violation case clicked through as people do: an admin opens it with an evidence image, the
// member appeals, the other admin upholds, the member escalates, the leader rules. Then a second
// run where the admin lets the appeal deadline pass and the scheduler alerts the leader.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screenshot, useE2E } from './support';

jest.setTimeout(180_000);

const DAY = 86_400_000;
// A small picture of a chat (a green bar, grey lines, a red line), enough to show as evidence.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAABgCAIAAABt+uBvAAAArElEQVR42u3YMREAIAwDQDb0MOIGq2xIwE1xgID2c1HwUy4t5JuGABAgQIAAAUoL1PfSTwEBAgQIECBAgAApIECAAAEClA3IJeZRBAQIECBAgKoCnWIBBAgQIECAAAEyFAEBAgQIECBA/qBaww8QIECAAAECBMhQBAQIECBAgABVB7pzpCwgQIAAAQIECJChCAgQIECAAAESQIAAAQIECBAgAQQIECBAgAABkni3vs/4k+M7zwAAAABJRU5ErkJggg==',
  'base64',
);

const e2e = useE2E();
const { signInAs } = e2e;
let evidencePath: string;

beforeAll(() => {
  evidencePath = join(mkdtempSync(join(tmpdir(), 'qw-evidence-')), '广告截图.png');
  writeFileSync(evidencePath, PNG);
});

const text = (s: string) => e2e.current.getByText(s, { exact: true });

/** 周杰 (admin of 项目A群) opens a light violation about `member` from 待办. */
async function openCase(member: string, withEvidence: boolean, shots: boolean) {
  await signInAs('p_zhoujie');
  await e2e.tab('待办').click();
  await text('处理群成员违规').click();
  await text('违规成员').waitFor();
  await e2e.current.locator('.qw-chip', { hasText: member }).first().click();
  await text('广告推销、擅自拉票集赞').click();
  await text('轻微').click();
  await e2e.current.getByText('处理建议：警告').waitFor();
  await e2e.current.locator('textarea').first().fill('在群里连续三天发布保险推销广告');
  if (withEvidence) {
    const [chooser] = await Promise.all([e2e.page.waitForEvent('filechooser'), text('＋ 图片').click()]);
    await chooser.setFiles(evidencePath);
    await e2e.current.getByText('已上传 1 张，点图片可移除').waitFor();
  }
  if (shots) await screenshot(e2e.page, 'violation-form');
  await text('确认处理并通知成员').click();
  await e2e.current.getByText('违规情况').waitFor();
  await e2e.current.getByText('已处理·申诉期内').first().waitFor();
}

/** Opens the member's own violation case from 首页. */
async function openMyCase(name: string) {
  await signInAs(name);
  await e2e.current.getByText('违规处理').first().click();
  await e2e.current.getByText('违规情况').waitFor();
}

/** From 待办, opens the first violation case. */
async function openFromInbox(person: string) {
  await signInAs(person);
  await e2e.tab('待办').click();
  await e2e.current.getByText('违规处理').first().click();
  await e2e.current.getByText('违规情况').waitFor();
}

it('should take a violation from decision through appeal, answer and escalation to the leader\'s final ruling', async () => {
  await openCase('马超', true, true);
  await expect(e2e.current.locator('.qw-evidence__img').count()).resolves.toBe(1);
  await screenshot(e2e.page, 'violation-decided-admin');

  await openMyCase('p_machao');
  await e2e.current.getByText('如对处理有异议').waitFor();
  await screenshot(e2e.page, 'violation-member-notified');
  await e2e.current.locator('textarea').first().fill('广告是同事让我代为转发的内部活动，不是推销');
  await text('提交申诉').click();
  // h5 stands in for WeChat's subscription popup: the member wants to hear the answer.
  await e2e.modal('允许').click();
  await e2e.current.getByText('申诉待答复').first().waitFor();
  await screenshot(e2e.page, 'violation-appealed');

  await openFromInbox('p_sunli');
  await text('答复申诉').waitFor();
  await e2e.current.locator('textarea').first().fill('核实聊天记录，确为保险推销链接，维持警告');
  await screenshot(e2e.page, 'violation-answer-form');
  await text('提交答复').click();
  await e2e.current.getByText('申诉已答复').first().waitFor();
  await screenshot(e2e.page, 'violation-answered');

  await openMyCase('p_machao');
  await text('向上级领导申诉').first().waitFor();
  await e2e.current.locator('textarea').first().fill('我认为警告过重，请领导裁决');
  await text('提交给上级领导').click();
  await e2e.modal('允许').click();
  await e2e.current.getByText('待领导裁决').first().waitFor();
  await screenshot(e2e.page, 'violation-escalated');

  await openFromInbox('p_chengang');
  await text('最终裁决').waitFor();
  await e2e.current.locator('textarea').first().fill('证据确凿，维持警告，今后注意');
  await screenshot(e2e.page, 'violation-ruling-form');
  await text('作出最终裁决').click();
  await e2e.current.getByText('处理已生效').first().waitFor();
  await e2e.current.getByText('上级领导最终裁决').first().waitFor();
  await screenshot(e2e.page, 'violation-ruled');

  // The member sees the whole history and that the appeal is closed.
  await openMyCase('p_machao');
  await e2e.current.getByText('申诉已关闭').waitFor();
  const body = await e2e.current.innerText();
  for (const step of ['作出处理决定', '提出申诉', '答复申诉', '向上级领导申诉', '上级领导最终裁决']) expect(body).toContain(step);
  await screenshot(e2e.page, 'violation-member-final');

  // The member allowed a subscription message at each appeal: the answer and the ruling were pushed.
  await e2e.page.goto(`${e2e.host.url}/dev/outbox`);
  await e2e.page.getByText('申诉结果：维持原处理').waitFor();
  await e2e.page.getByText('最终裁决：维持原处理').waitFor();
  await screenshot(e2e.page, 'violation-outbox');
});

it('should alert the leader when the admin lets the appeal deadline pass', async () => {
  await openCase('吴芳', false, false);
  await openMyCase('p_wufang');
  await e2e.current.locator('textarea').first().fill('当天我在出差，账号被同事借用');
  await text('提交申诉').click();
  // h5 stands in for WeChat's subscription popup: the member wants to hear the answer.
  await e2e.modal('允许').click();
  await e2e.current.getByText('申诉待答复').first().waitFor();

  // X₂ = 5 working days pass without an answer: a reminder; one more working day: the leader.
  await e2e.host.advance(8 * DAY);
  await e2e.host.advance(3 * DAY);

  await signInAs('p_chengang');
  await e2e.tab('我的').click();
  await text('领导视图').click();
  await e2e.current.getByText('已报领导').first().waitFor();
  await screenshot(e2e.page, 'violation-overdue-leader-view');
  await e2e.current.getByText('已报领导').first().click();
  await text('最终裁决').waitFor();
  await e2e.current.getByText('管理员超期未答复申诉').waitFor();
  await screenshot(e2e.page, 'violation-overdue-ruling');

  await e2e.page.goto(`${e2e.host.url}/packages/member/pages/notifications/index`);
  await e2e.current.getByText('违规申诉超期未答复').first().waitFor();
  await screenshot(e2e.page, 'violation-overdue-leader-notified');
});
