import { ACTION_NAMES, actions, DEFAULT_SETTINGS, ERROR_CODES, ERROR_MESSAGES, ROLES, settingsValuesSchema } from '../../src/contract';
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
    expect(settingsValuesSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    expect(settingsValuesSchema.safeParse({ ...DEFAULT_SETTINGS, rename: { adminDays: 0, escalateAfterDays: 1 } }).success).toBe(false);
  });
});
