import { DEFAULT_SETTINGS, withDefaultSettings } from '../../contract';
import type { SettingsDoc } from '../../core/model';
import type { Store } from '../ports';

// A settings version never changes once written, so a version can be cached for good (per store:
// two databases in one process may hold different documents under the same version).
const caches = new WeakMap<Store, Map<number, SettingsDoc>>();
const DEFAULT_DOC: SettingsDoc = { _id: 'v1', version: 1, values: DEFAULT_SETTINGS, updatedAt: 0, updatedBy: null };

// Which version is current is read at most every few seconds per store: a change made on another
// function instance reaches new cases here within that time.
const CURRENT_TTL_MS = 5_000;
const current = new WeakMap<Store, { doc: SettingsDoc; at: number }>();

export async function currentSettings(store: Store): Promise<SettingsDoc> {
  const hit = current.get(store);
  if (hit && Date.now() - hit.at < CURRENT_TTL_MS) return hit.doc;
  const doc = complete((await store.getSettings()) ?? DEFAULT_DOC);
  current.set(store, { doc, at: Date.now() });
  // The current version is the one new cases open under: settingsAt will ask for it next.
  versionsOf(store).set(doc.version, doc);
  return doc;
}

/** After this instance wrote a new version. */
export function forgetCurrentSettings(store: Store): void {
  current.delete(store);
}

/** The settings a case was opened under: later changes apply to new cases only. */
export async function settingsAt(store: Store, version: number): Promise<SettingsDoc> {
  const byVersion = versionsOf(store);
  const cached = byVersion.get(version);
  if (cached) return cached;
  const doc = (await store.getSettings(version)) ?? (version === 1 ? DEFAULT_DOC : await currentSettings(store));
  const full = complete(doc);
  if (full.version === version) byVersion.set(version, full);
  return full;
}

function versionsOf(store: Store): Map<number, SettingsDoc> {
  let byVersion = caches.get(store);
  if (!byVersion) caches.set(store, (byVersion = new Map()));
  return byVersion;
}

/** A version saved before a section existed answers with that section's defaults. */
function complete(doc: SettingsDoc): SettingsDoc {
  return { ...doc, values: withDefaultSettings(doc.values) };
}
