import { DEFAULT_SETTINGS, withDefaultSettings } from '../contract';
import type { SettingsDoc } from '../core/model';
import type { Store } from './ports';

// A settings version never changes once written, so a version can be cached for good.
const byVersion = new Map<number, SettingsDoc>();
const DEFAULT_DOC: SettingsDoc = { _id: 'v1', version: 1, values: DEFAULT_SETTINGS, updatedAt: 0, updatedBy: null };

export async function currentSettings(store: Store): Promise<SettingsDoc> {
  return complete((await store.getSettings()) ?? DEFAULT_DOC);
}

/** The settings a case was opened under: later changes apply to new cases only. */
export async function settingsAt(store: Store, version: number): Promise<SettingsDoc> {
  const cached = byVersion.get(version);
  if (cached) return cached;
  const doc = (await store.getSettings(version)) ?? (version === 1 ? DEFAULT_DOC : await currentSettings(store));
  const full = complete(doc);
  if (full.version === version) byVersion.set(version, full);
  return full;
}

function complete(doc: SettingsDoc): SettingsDoc {
  return doc.values.membership ? doc : { ...doc, values: withDefaultSettings(doc.values) };
}
