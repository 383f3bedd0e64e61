import { DEFAULT_SETTINGS } from '../contract';
import type { SettingsDoc } from '../core/model';
import type { Store } from './ports';

// A settings version never changes once written, so a version can be cached for good (per store:
// two databases in one process may hold different documents under the same version).
const caches = new WeakMap<Store, Map<number, SettingsDoc>>();
const DEFAULT_DOC: SettingsDoc = { _id: 'v1', version: 1, values: DEFAULT_SETTINGS, updatedAt: 0, updatedBy: null };

/** A version written before a section existed (e.g. `violation`) reads with that section's defaults. */
function complete(doc: SettingsDoc): SettingsDoc {
  const missing = (Object.keys(DEFAULT_SETTINGS) as (keyof typeof DEFAULT_SETTINGS)[]).filter((k) => doc.values[k] === undefined);
  if (!missing.length) return doc;
  return { ...doc, values: { ...DEFAULT_SETTINGS, ...doc.values } };
}

export async function currentSettings(store: Store): Promise<SettingsDoc> {
  const doc = await store.getSettings();
  return doc ? complete(doc) : DEFAULT_DOC;
}

/** The settings a case was opened under: later changes apply to new cases only. */
export async function settingsAt(store: Store, version: number): Promise<SettingsDoc> {
  let byVersion = caches.get(store);
  if (!byVersion) caches.set(store, (byVersion = new Map()));
  const cached = byVersion.get(version);
  if (cached) return cached;
  const stored = await store.getSettings(version);
  const doc = stored ? complete(stored) : version === 1 ? DEFAULT_DOC : await currentSettings(store);
  if (doc.version === version) byVersion.set(version, doc);
  return doc;
}
