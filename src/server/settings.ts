import { DEFAULT_SETTINGS } from '../contract';
import type { SettingsDoc } from '../core/model';
import type { Store } from './ports';

// A settings version never changes once written, so a version can be cached for good.
const byVersion = new Map<number, SettingsDoc>();
const DEFAULT_DOC: SettingsDoc = { _id: 'v1', version: 1, values: DEFAULT_SETTINGS, updatedAt: 0, updatedBy: null };

/**
 * A version saved before a section existed (e.g. `backup`, `access`) answers with that section's
 * defaults, so older settings documents keep working as the product grows.
 */
export function withDefaults(doc: SettingsDoc): SettingsDoc {
  const values = { ...DEFAULT_SETTINGS, ...doc.values };
  return Object.keys(DEFAULT_SETTINGS).every((k) => k in doc.values) ? doc : { ...doc, values };
}

export async function currentSettings(store: Store): Promise<SettingsDoc> {
  const doc = await store.getSettings();
  return doc ? withDefaults(doc) : DEFAULT_DOC;
}

/** The settings a case was opened under: later changes apply to new cases only. */
export async function settingsAt(store: Store, version: number): Promise<SettingsDoc> {
  const cached = byVersion.get(version);
  if (cached) return cached;
  const stored = await store.getSettings(version);
  const doc = stored ? withDefaults(stored) : version === 1 ? DEFAULT_DOC : await currentSettings(store);
  if (doc.version === version) byVersion.set(version, doc);
  return doc;
}
