import { DEFAULT_SETTINGS, type Severity } from '../../src/contract';
import { checkChosenStep, proposePenalty, type PriorViolation } from '../../src/core/ladder';

const now = Date.parse('2026-11-24T10:00:00+08:00');
const DAY = 86_400_000;
const rule = { repeatCount: 2, windowDays: 180 };
const prior = (daysAgo: number, penalty: PriorViolation['penalty'] = 'warning'): PriorViolation => ({
  caseId: `c${daysAgo}`,
  openedAt: now - daysAgo * DAY,
  penalty,
});

describe('the penalty ladder', () => {
  it.each<[string, Severity, PriorViolation[], typeof rule, string, number]>([
    ['a first light violation', 'minor', [], rule, 'warning', 0],
    ['a light repeat within the window', 'minor', [prior(30)], rule, 'removal', 1],
    ['a light violation after one outside the window', 'minor', [prior(181)], rule, 'warning', 0],
    ['a light violation after a revoked warning', 'minor', [prior(10, 'none')], rule, 'warning', 0],
    ['a light violation while the earlier one is still with the leader', 'minor', [prior(5, 'pending')], rule, 'removal', 1],
    ['a second light violation when three make a repeat', 'minor', [prior(30)], { repeatCount: 3, windowDays: 180 }, 'warning', 1],
    ['a third light violation when three make a repeat', 'minor', [prior(30), prior(60)], { repeatCount: 3, windowDays: 180 }, 'removal', 2],
    ['a serious first violation', 'serious', [], rule, 'removal', 0],
    ['a major loss', 'major', [], rule, 'referral', 0],
    ['a major loss after warnings', 'major', [prior(3), prior(4)], rule, 'referral', 2],
  ])('should propose for %s', (_label, severity, history, r, step, count) => {
    const p = proposePenalty(severity, history, r, now);
    expect(p.step).toBe(step);
    expect(p.priorCount).toBe(count);
    expect(p.window).toEqual({ count: r.repeatCount, days: r.windowDays });
    expect(p.reasons.join('')).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('should say why a repeat is a removal', () => {
    const p = proposePenalty('minor', [prior(30)], DEFAULT_SETTINGS.violation, now);
    expect(p.reasons.join('')).toContain('第 2 次违规');
    expect(p.reasons.join('')).toContain('备案');
  });

  it('should let an admin choose the proposed step or a lighter one, never a heavier one', () => {
    expect(checkChosenStep('removal', 'removal')).toBe('same');
    expect(checkChosenStep('removal', 'warning')).toBe('lighter');
    expect(checkChosenStep('referral', 'removal')).toBe('lighter');
    expect(checkChosenStep('warning', 'removal')).toBe('heavier');
  });
});
