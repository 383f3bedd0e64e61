// The local adapters: SQLite store, a notifier that only records, a rule-based content check.
export { openSqliteStore, type SqliteStore } from './store';
export { createLocalNotifier, type LocalNotifier, type PushRecord } from './notifier';
export { createLocalContentCheck, checkLocally, normalise, PROHIBITED, LABEL as CONTENT_LABEL } from './content-check';
export { createDiskFiles, type DiskFiles, type FileMeta } from './files';
export { createLocalOpenData, LOCAL_CLOUD_ID_PREFIX } from './open-data';
export { createLocalMediaCheck, localImageVerdict } from './media-check';
