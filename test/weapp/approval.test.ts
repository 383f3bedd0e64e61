// 设置代理, 转交 and 批量处理 (issue 19) in the weapp build: each page's main tap sends one call the
// contract accepts, through the api cloud function.
import type { ActionName } from '../../src/contract';
import { inputSchema, ok } from '../../src/contract';
import { renameCase } from '../app/fixtures';
import { ensureWeappBuild, startApp } from './harness';

jest.setTimeout(120_000);

const zhoujie = { id: 'p_zj', name: '周杰' };
const sunli = { id: 'p_sl', name: '孙丽' };
const approval = { assignees: [zhoujie], actingFor: null, canHandOver: true, handOverTo: [sunli], canNudge: false, nextNudgeAt: null, lastNudgeAt: null, batch: true };
const page = <T>(items: T[]) => ({ items, total: items.length, offset: 0, limit: 20 });

type Call = { name: string; action: ActionName; data: Record<string, unknown> };
let calls: Call[] = [];
const answers: Partial<Record<ActionName, () => unknown>> = {
  'session.whoami': () => ({ person: { id: 'p_zj', name: '周杰', department: '技术部', employeeNo: 'T002', external: false }, roles: ['member', 'admin'], groups: [], templates: {}, grants: {} }),
  'delegations.mine': () => ({ mine: null, forMe: [], candidates: [sunli], maxDays: 90 }),
  'delegations.set': () => ({ mine: { delegator: zhoujie, delegate: sunli, from: Date.now(), to: Date.now() + 7 * 86400_000, active: true, createdAt: Date.now() }, forMe: [], candidates: [sunli], maxDays: 90 }),
  'cases.get': () => renameCase({ allowed: ['approve', 'reject'], approval }),
  'cases.handOver': () => renameCase({ approval: { ...approval, assignees: [sunli], canHandOver: false } }),
  'inbox.list': () => page([renameCase({ id: 'rn_1', allowed: ['approve', 'reject'], approval }), renameCase({ id: 'rn_2', allowed: ['approve', 'reject'], approval })]),
  'inbox.decideMany': () => ({ items: [{ caseId: 'rn_1', ok: true, state: 'approved', stateLabel: '已通过' }], decided: 1, failed: 0 }),
};
const callFunction = jest.fn(async ({ name, data }: { name: string; data: { action: ActionName; data: Record<string, unknown> } }) => {
  calls.push({ name, action: data.action, data: data.data });
  const answer = answers[data.action];
  return { result: answer ? ok(answer()) : { ok: false, code: 'UNKNOWN_ACTION', message: data.action } };
});
const done = (errMsg: string, extra: Record<string, unknown> = {}) =>
  jest.fn((o: { success?: (r: unknown) => void; complete?: (r: unknown) => void }) => {
    const res = { errMsg, ...extra };
    o.success?.(res);
    o.complete?.(res);
  });

describe('approval pages in the weapp build', () => {
  let app: ReturnType<typeof startApp>;
  beforeAll(() => {
    ensureWeappBuild();
    app = startApp({
      cloud: { init: jest.fn(), callFunction },
      showToast: done('showToast:ok'),
      showModal: done('showModal:ok', { confirm: true, cancel: false }),
      navigateBack: done('navigateBack:ok'),
    });
  });
  beforeEach(() => {
    calls = [];
  });

  async function open(route: string, query: Record<string, string>, shows: string) {
    const view = app.openPage(route, query);
    for (let i = 0; i < 100 && !view.dom!.textContent!.includes(shows); i++) await app.simulate.sleep(20);
    if (!view.dom!.textContent!.includes(shows)) throw new Error(`${route} shows "${view.dom!.textContent}" after calls ${JSON.stringify(calls)}`);
    return view;
  }
  /** Taps the element of `selector` showing `text`, once React's update has reached the view. */
  async function tapText(view: Awaited<ReturnType<typeof open>>, selector: string, text: string) {
    const find = () => view.querySelectorAll(selector).find((b) => b.dom!.textContent!.includes(text));
    for (let i = 0; i < 50 && !find(); i++) await app.simulate.sleep(20);
    const el = find();
    if (!el) throw new Error(`no ${selector} with "${text}": ${view.dom!.textContent}`);
    el.dispatchEvent('tap');
    await app.simulate.sleep(20);
  }
  async function sent(action: ActionName): Promise<Call> {
    for (let i = 0; i < 100 && !calls.some((c) => c.action === action); i++) await app.simulate.sleep(20);
    const call = calls.find((c) => c.action === action);
    expect(call).toBeDefined();
    expect(call!.name).toBe('api');
    expect(inputSchema(action).safeParse(call!.data).success).toBe(true);
    return call!;
  }

  it('should name a delegate for a week (delegations.set)', async () => {
    const view = await open('packages/approval/pages/delegation/index', {}, '设置代理人');
    await tapText(view, '.qw-chip', '一周');
    await tapText(view, '.qw-btn', '确认代理');
    const call = await sent('delegations.set');
    expect(call.data.delegateId).toBe('p_sl');
    expect((call.data.to as number) - (call.data.from as number)).toBeGreaterThan(6 * 86400_000);
  });

  it('should hand a case over to the chosen person (cases.handOver)', async () => {
    const view = await open('packages/approval/pages/hand-over/index', { id: 'rn_1' }, '转交给');
    await tapText(view, '.qw-chip', '孙丽');
    await tapText(view, '.qw-btn', '转交给孙丽');
    const call = await sent('cases.handOver');
    expect(call.data).toEqual({ caseId: 'rn_1', toPersonId: 'p_sl' });
  });

  it('should approve the selected cases in one call (inbox.decideMany)', async () => {
    const view = await open('packages/approval/pages/batch/index', {}, '全选（共 2 项）');
    await tapText(view, '.qw-batch-all', '全选');
    await tapText(view, '.qw-btn', '批准 2 项');
    const call = await sent('inbox.decideMany');
    expect(call.data).toEqual({ caseIds: ['rn_1', 'rn_2'], decision: 'approve' });
    for (let i = 0; i < 100 && !view.dom!.textContent!.includes('处理结果'); i++) await app.simulate.sleep(20);
    expect(view.dom!.textContent).toContain('处理结果：1 项已批准');
  });
});
