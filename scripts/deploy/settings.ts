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

/** Default template ids are placeholders, not templates anyone picked. */
export function isPlaceholder(entry: unknown): boolean {
  const id = typeof entry === 'string' ? entry : (entry as { id?: unknown } | null)?.id;
  return typeof id !== 'string' || id === '' || /^TPL_/.test(id);
}

/**
 * The templates section with the chosen pins in it, in whichever shape the settings contract takes:
 * a template id per purpose, or (issue 22) the id with the keyword keys each of our values goes into.
 * Purposes without a choice keep what is stored.
 */
export function templatesWith(
  current: StoredSettings,
  chosen: Record<string, TemplatePin>,
): { values: SettingsValues; changed: boolean } | { error: string } {
  const values = withDefaultSettings(current.values);
  const stored = values.templates as Record<string, unknown>;
  const shapes: ((pin: TemplatePin) => unknown)[] = [(pin) => pin.id, (pin) => ({ id: pin.id, keys: pin.keys })];
  for (const shape of shapes) {
    const templates: Record<string, unknown> = { ...stored };
    for (const [purpose, pin] of Object.entries(chosen)) templates[purpose] = shape(pin);
    const next = { ...values, templates } as unknown as SettingsValues;
    if (settingsValuesSchema.safeParse(next).success) {
      return { values: next, changed: JSON.stringify(templates) !== JSON.stringify(stored) };
    }
  }
  return { error: '系统设置里订阅模板的结构与部署脚本不一致（src/contract/settings.ts 的 templates）：更新 scripts/deploy/settings.ts' };
}
