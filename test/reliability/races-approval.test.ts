// Hand over, batch decisions and delegation, raced: whatever arrives at once, every case is decided
// exactly once, a hand-over is either recorded before the decision or refused, and nothing is told twice.
import type { BatchResult, CaseView, ErrorCode, Result } from '../../src/contract';
import { makeWorld, requestId, T0, type World } from '../server/harness';
import { move, notificationIds, race, recordStore, type Recorder } from './race-kit';

const TRIALS = 300;
const DECISIONS = ['approve', 'reject'];
const CLOSED: ErrorCode[] = ['CASE_ALREADY_DECIDED', 'CASE_NOT_OPEN'];

let w: World;
let rec: Recorder;

async function freshWorld() {
  // Hundreds of requests by one member at one moment: the hourly request limit is not what is tested here.
  w = await makeWorld({ liftLimits: true });
  rec = recordStore(w);
}
beforeEach(freshWorld);

/** Run `trial` TRIALS times (a new world every 100); most trials must have raced. */
async function trials(trial: () => Promise<boolean>, minContested = TRIALS / 3) {
  let contested = 0;
  for (let i = 0; i < TRIALS; i++) {
    if (i > 0 && i % 100 === 0) await freshWorld();
    if (await trial()) contested++;
  }
  expect(contested).toBeGreaterThan(minContested);
}

/** A rename in 项目A群 by `who`: it waits on 周杰 and 孙丽. */
const projectRename = (who: string, nickname: string) => w.okCall(who, 'rename.submit', { groupId: 'g_projecta', nickname, requestId: requestId() });

describe('races on approval ergonomics', () => {
  it(`should decide a case once while its hand-over races the decision, over ${TRIALS} trials`, async () => {
    await trials(async () => {
      const c = await projectRename('p_huanglei', '黄磊-市场部');
      const before = (await w.store.getCase(c.id))!;
      rec.reset();
      const [handed, approved, rejected] = (await Promise.all([
        w.call('p_zhoujie', 'cases.handOver', { caseId: c.id, toPersonId: 'p_chengang' }),
        w.call('p_sunli', 'rename.approve', { caseId: c.id }),
        w.call('p_zhoujie', 'rename.reject', { caseId: c.id, reason: '昵称重复' }),
      ])) as Result<CaseView>[];
      const stored = (await w.store.getCase(c.id))!;
      const added = stored.history.slice(before.history.length);
      const decisions = added.filter((h) => DECISIONS.includes(h.action));
      // Exactly one decision, the one that answered ok.
      expect(decisions).toHaveLength(1);
      expect([approved.ok, rejected.ok].filter(Boolean)).toHaveLength(1);
      expect(stored.state).toBe(approved.ok ? 'approved' : 'rejected');
      for (const r of [approved, rejected]) if (!r.ok) expect(CLOSED).toContain(r.code);
      // The hand-over took effect before the decision, or was refused because the case had closed.
      const handOvers = added.filter((h) => h.action === 'hand_over');
      if (handed.ok) {
        expect(handOvers).toHaveLength(1);
        expect(handOvers[0].seq).toBeLessThan(decisions[0].seq);
      } else {
        expect(handed.code).toBe('CASE_NOT_OPEN');
        expect(handOvers).toHaveLength(0);
      }
      expect(stored.outbox).toEqual([]);
      // 陈刚 is told of the hand-over exactly when it happened.
      const toldChengang = notificationIds(w, c.id).filter((id) => Number(id.split('.').at(-2)) === handOvers[0]?.seq);
      expect(toldChengang).toHaveLength(handed.ok ? 1 : 0);
      return rec.gets > 3;
    });
  });

  it(`should decide each case once when two batch decisions overlap, over ${TRIALS} trials`, async () => {
    await trials(async () => {
      const [a, b, c] = [await projectRename('p_huanglei', '黄磊-市场部'), await projectRename('p_wufang', '吴芳-技术部'), await projectRename('p_machao', '马超-技术部')];
      rec.reset();
      const [mine, hers] = (await Promise.all([
        // Both start with the shared case, so most trials contend for it.
        w.call('p_zhoujie', 'inbox.decideMany', { caseIds: [b.id, a.id], decision: 'approve' }),
        w.call('p_sunli', 'inbox.decideMany', { caseIds: [b.id, c.id], decision: 'reject', reason: '请按规范重新申请' }),
      ])) as Result<BatchResult>[];
      if (!mine.ok || !hers.ok) throw new Error('a batch was refused as a whole');
      const item = (r: BatchResult, id: string) => r.items.find((i) => i.caseId === id)!;
      expect(item(mine.data, a.id)).toMatchObject({ ok: true, state: 'approved' });
      expect(item(hers.data, c.id)).toMatchObject({ ok: true, state: 'rejected' });
      // The contested one: exactly one batch decided it, the other says it was decided already.
      const outcomes = [item(mine.data, b.id), item(hers.data, b.id)];
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      const loser = outcomes.find((o) => !o.ok)!;
      expect(CLOSED).toContain(loser.ok ? '' : loser.code);
      for (const [id, state] of [
        [a.id, 'approved'],
        [b.id, outcomes[0].ok ? 'approved' : 'rejected'],
        [c.id, 'rejected'],
      ]) {
        const stored = (await w.store.getCase(id))!;
        expect([id, stored.state, stored.history.filter((h) => DECISIONS.includes(h.action)).length, stored.outbox.length]).toEqual([id, state, 1, 0]);
        // The member is told of the one decision once.
        expect(notificationIds(w, id).filter((n) => n.startsWith(`${id}.${stored.history.at(-1)!.seq}.`))).toHaveLength(1);
      }
      return rec.gets > 4;
    });
  });

  it(`should take either the delegate's or the delegator's decision, never both, over ${TRIALS} trials`, async () => {
    // 周杰 is away for a month; 孙丽 stands in for him.
    const setDelegation = () => w.okCall('p_zhoujie', 'delegations.set', { delegateId: 'p_sunli', from: T0, to: T0 + 30 * 86_400_000 });
    await setDelegation();
    let sunliWon = 0;
    let n = 0;
    await trials(async () => {
      // Who sends first alternates: the delegate's call reads her delegations too, so she would always be a little later.
      const sunliFirst = n % 2 === 1;
      if (!(await w.okCall('p_sunli', 'delegations.mine', {})).forMe.length) await setDelegation();
      const c = await projectRename('p_huanglei', '黄磊-市场部');
      // 孙丽 hands her own part to the leader: the step waits on 周杰 (and 陈刚), and on 孙丽 only as his delegate.
      await w.okCall('p_sunli', 'cases.handOver', { caseId: c.id, toPersonId: 'p_chengang' });
      // The same command from both (alternating approve and reject), so neither is slower by its kind of step.
      const cmd = (as: string) => (n % 4 < 2 ? move(as, 'rename.approve', { caseId: c.id }, 'approve') : move(as, 'rename.reject', { caseId: c.id, reason: '与他人重名' }, 'reject'));
      const moves = [cmd('p_zhoujie'), cmd('p_sunli')];
      const r = await race(w, rec, c.id, sunliFirst ? [moves[1], moves[0]] : moves, CLOSED);
      n++;
      if ((r.winner === 0) === sunliFirst) {
        sunliWon++;
        expect(r.stored.history.at(-1)).toMatchObject({ by: 'p_sunli', onBehalfOf: 'p_zhoujie' });
      } else expect(r.stored.history.at(-1)!.onBehalfOf).toBeUndefined();
      return r.contested;
    });
    // Both sides won some trials: the race was real in both directions.
    expect(sunliWon).toBeGreaterThan(0);
    expect(sunliWon).toBeLessThan(TRIALS);
  });
});
