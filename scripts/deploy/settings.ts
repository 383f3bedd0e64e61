// Writing the chosen templates into the product's settings: a new settings version, exactly as the
// owner's 系统设置 does (cases keep the version they were opened under), checked against the
// settings contract before anything is written.
import { DEFAULT_SETTINGS, settingsValuesSchema, withDefaultSettings, type SettingsValues } from '../../src/contract';
import type { TemplatePin } from './config';

export interface StoredSettings {
  version: number;
  values: SettingsValues;
}

/** Before any version is stored the product runs on version 1, the defaults. */
export const DEFAULT_STORED: StoredSettings = { version: 1, values: DEFAULT_SETTINGS };

/**
 * The settings with the chosen templates in them, in whichever shape the settings contract takes: a
 * template id per purpose in `templates`, and (issue 22) which of our values goes into which keyword
 * key in `templateFields`; or, for a contract without `templateFields`, the ids alone. Purposes
 * without a choice keep what is stored.
 */
export function templatesWith(
  current: StoredSettings,
  chosen: Record<string, TemplatePin>,
): { values: SettingsValues; changed: boolean } | { error: string } {
  const values = withDefaultSettings(current.values) as unknown as Record<string, unknown>;
  const section = (name: string) => ({ ...((values[name] ?? {}) as Record<string, unknown>) });
  const fieldsOf = (pin: TemplatePin) => Object.entries(pin.keys).map(([source, key]) => ({ key, source }));
  const candidates: (() => Record<string, unknown>)[] = [
    () => {
      const templates = section('templates');
      const templateFields = section('templateFields');
      for (const [purpose, pin] of Object.entries(chosen)) {
        templates[purpose] = pin.id;
        templateFields[purpose] = fieldsOf(pin);
      }
      return { ...values, templates, templateFields };
    },
    () => {
      const templates = section('templates');
      for (const [purpose, pin] of Object.entries(chosen)) templates[purpose] = pin.id;
      return { ...values, templates };
    },
  ];
  for (const build of candidates) {
    const next = build();
    if (!settingsValuesSchema().safeParse(next).success) continue;
    const mine = (v: Record<string, unknown>) => JSON.stringify([v.templates, v.templateFields ?? null]);
    return { values: next as unknown as SettingsValues, changed: mine(next) !== mine(values) };
  }
  return { error: '系统设置里订阅模板的结构与部署脚本不一致（src/contract/settings.ts 的 templates / templateFields）：更新 scripts/deploy/settings.ts' };
}
