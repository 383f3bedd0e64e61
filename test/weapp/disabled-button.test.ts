// A disabled button cannot be tapped in the weapp build: 驳回 on a guest request stays inert until a
// reason is written, then the same tap sends guests.decide (the one-button rule, components/Btn).
import type { ActionName } from '../../src/contract';
import { ok } from '../../src/contract';
import { ensureWeappBuild, startApp } from './harness';

jest.setTimeout(300_000);

const T0 = Date.UTC(2026, 10, 24, 2, 0);
const guest = {
  id: 'gu_1', kind: 'guest', kindLabel: '外部人员入群', group: { id: 'g_proj_a', name: '项目A群' }, subject: { id: 'p_zw1', name: '张伟' },
  state: 'submitted', stateLabel: '待审批', open: true, waitingOn: [{ id: 'p_zj', name: '周杰' }], dueAt: T0 + 2 * 86400_000, dueAtUnconfirmed: false,
  escalation: 0, title: '外部人员李明临时入群', allowed: ['approve', 'reject'], createdAt: T0, updatedAt: T0, links: { images: [] },
  history: [{ seq: 1, at: T0, by: { id: 'p_zw1', name: '张伟' }, action: 'submit', actionLabel: '提交申请', from: null, to: 'submitted', dueAt: null }],
  data: { groupName: '项目A群', subjectName: '张伟', guestName: '李明', organisation: '远景咨询', reason: '协助项目验收', endDate: '2026-12-31', approvers: ['p_wq'] },
};

describe('a disabled button in the weapp build', () => {
  beforeAll(() => ensureWeappBuild());

  it('should send nothing when 驳回 is tapped without a reason, and guests.decide once a reason is written', async () => {
    const calls: { action: ActionName; data: Record<string, unknown> }[] = [];
    const callFunction = jest.fn(async ({ data }: { data: { action: ActionName; data: Record<string, unknown> } }) => {
      calls.push(data);
      if (data.action === 'cases.get') return { result: ok(guest) };
      if (data.action === 'guests.decide') return { result: ok({ ...guest, state: 'rejected', stateLabel: '已驳回', allowed: [] }) };
      return { result: ok({}) };
    });
    const { simulate, openPage } = startApp({ cloud: { init: jest.fn(), callFunction }, showToast: jest.fn() });
    const page = openPage('packages/org/pages/act/index', { id: 'gu_1' });
    const reject = () => page.querySelectorAll('.qw-btn').find((b) => b.dom!.textContent!.includes('驳回'));
    for (let i = 0; i < 100 && !reject(); i++) await simulate.sleep(20);
    expect(reject()).toBeDefined();
    expect(reject()!.dom!.className).toContain('qw-btn--disabled');

    reject()!.dispatchEvent('tap');
    await simulate.sleep(200);
    expect(calls.filter((c) => c.action === 'guests.decide')).toEqual([]);

    const textarea = page.querySelector('.qw-textarea');
    expect(textarea).toBeTruthy();
    textarea!.dispatchEvent('input', { detail: { value: '名额已满' } });
    for (let i = 0; i < 50 && reject()!.dom!.className.includes('qw-btn--disabled'); i++) await simulate.sleep(20);
    expect(reject()!.dom!.className).not.toContain('qw-btn--disabled');

    reject()!.dispatchEvent('tap');
    for (let i = 0; i < 50 && !calls.some((c) => c.action === 'guests.decide'); i++) await simulate.sleep(20);
    expect(calls.filter((c) => c.action === 'guests.decide').map((c) => c.data)).toEqual([{ caseId: 'gu_1', approve: false, reason: '名额已满' }]);
  });
});
