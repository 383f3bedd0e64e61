import { ACTION_NAMES, actions, DEFAULT_SETTINGS, ERROR_CODES, ERROR_MESSAGES, REASON_PROMPTS, reasonRequiredPrompt, reasonSchema, ROLES, settingsValuesSchema, type ActionName } from '../../src/contract';
import { handlers } from '../../src/server/handlers';

describe('the contract', () => {
  it('should give every action a handler, a role list and a Chinese summary', () => {
    expect(Object.keys(handlers).sort()).toEqual([...ACTION_NAMES].sort());
    for (const name of ACTION_NAMES) {
      const def = actions[name];
      expect(def.roles.length).toBeGreaterThan(0);
      expect(def.roles.every((r) => (ROLES as readonly string[]).includes(r))).toBe(true);
      expect(def.summary).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('should give every error code one Chinese sentence', () => {
    for (const code of ERROR_CODES) expect(ERROR_MESSAGES[code]).toMatch(/^[^a-z]*[\u4e00-\u9fa5]/);
  });

  it('should refuse extra fields on every action', () => {
    for (const name of ACTION_NAMES) {
      expect(actions[name].input.safeParse({ injected: true }).success).toBe(false);
    }
  });

  it('should accept a well-formed rename request and refuse a short request id', () => {
    const ok = actions['rename.submit'].input.safeParse({ groupId: 'g_market', nickname: '黄磊-市场部', requestId: 'abcdefgh12' });
    expect(ok.success).toBe(true);
    expect(actions['rename.submit'].input.safeParse({ groupId: 'g_market', nickname: '黄磊-市场部', requestId: 'abc' }).success).toBe(false);
  });

  it('should hold the default settings to their own schema', () => {
    expect(settingsValuesSchema().safeParse(DEFAULT_SETTINGS).success).toBe(true);
    expect(settingsValuesSchema().safeParse({ ...DEFAULT_SETTINGS, rename: { adminDays: 0, escalateAfterDays: 1 } }).success).toBe(false);
  });

  describe('a required reason', () => {
    // Well-formed first (`input`), then the reason rule, as dispatch checks them.
    const issues = (action: ActionName, data: unknown) => {
      const input = actions[action].input.safeParse(data);
      if (!input.success) return input.error.issues;
      const reason = reasonSchema(action)?.safeParse(data);
      return reason && !reason.success ? reason.error.issues : [];
    };
    const cases: [ActionName, Record<string, unknown>, string, string][] = [
      ['rename.reject', { caseId: 'c1' }, 'reason', REASON_PROMPTS.reject],
      ['records.reject', { caseId: 'c1' }, 'reason', REASON_PROMPTS.reject],
      ['violation.decideMeasure', { caseId: 'c1', measure: 'fine' }, 'reason', REASON_PROMPTS.decideMeasure],
      ['violation.appeal', { caseId: 'c1' }, 'reasons', REASON_PROMPTS.appeal],
      ['violation.answer', { caseId: 'c1', outcome: 'uphold' }, 'finding', REASON_PROMPTS.answer],
      ['violation.escalate', { caseId: 'c1' }, 'reasons', REASON_PROMPTS.escalate],
      ['violation.rule', { caseId: 'c1', outcome: 'revoke' }, 'finding', REASON_PROMPTS.rule],
    ];

    it.each(cases)('%s: a blank one is well-formed but refused with its prompt, a written one passes', (action, base, field, prompt) => {
      for (const blank of ['', '   ', '\n\t ']) {
        expect(actions[action].input.safeParse({ ...base, [field]: blank }).success).toBe(true);
        expect(reasonRequiredPrompt(issues(action, { ...base, [field]: blank }))).toBe(prompt);
      }
      expect(issues(action, { ...base, [field]: ' 写明了 ' })).toEqual([]);
    });

    it('should leave a malformed request BAD_INPUT, blank reason or not', () => {
      expect(reasonRequiredPrompt(issues('rename.reject', { caseId: 'c 1', reason: ' ' }))).toBeNull();
      expect(reasonRequiredPrompt(issues('rename.reject', { caseId: 'c1', reason: '\u000b' }))).toBeNull();
      expect(reasonRequiredPrompt(issues('rename.reject', { caseId: 'c1', reason: 'a\u0000b' }))).toBeNull();
      expect(reasonRequiredPrompt(issues('rename.reject', { caseId: 'c1', reason: 3 }))).toBeNull();
      expect(reasonRequiredPrompt(issues('rename.reject', { caseId: 'c1', reason: 'x'.repeat(201) }))).toBeNull();
      expect(reasonRequiredPrompt(issues('rename.reject', { caseId: 'c1', reason: '理由', extra: 1 }))).toBeNull();
    });

    it.each(['admins.decideChange', 'guests.decide'] as const)('%s: a rejection needs a reason, an approval none', (action) => {
      expect(reasonRequiredPrompt(issues(action, { caseId: 'c1', approve: false }))).toBe('驳回时请填写理由');
      expect(reasonRequiredPrompt(issues(action, { caseId: 'c1', approve: false, reason: '  ' }))).toBe('驳回时请填写理由');
      expect(issues(action, { caseId: 'c1', approve: false, reason: '不合适' })).toEqual([]);
      expect(issues(action, { caseId: 'c1', approve: true })).toEqual([]);
      expect(issues(action, { caseId: 'c1', approve: true, reason: ' ' })).toEqual([]);
      expect(reasonRequiredPrompt(issues(action, { caseId: 'c1', approve: 'no' }))).toBeNull();
    });
  });
});
