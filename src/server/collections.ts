// The collections and the indexes their queries need, declared once: the SQLite adapter creates
// them, and the same list is printed for the cloud database console.
import type { Case } from '../core/model';
import { reportFacts, type ReportFacts } from '../core/report-facts';
import { caseTerms } from './cases/search-terms';

export const COLLECTIONS = [
  'people',
  'departments',
  'groups',
  'memberships',
  'cases',
  'notifications',
  'grants',
  'settings',
  'backups',
  'file_access',
  'pushes',
  'invitations',
  // One document per bound OPENID (its _id): what makes "one person per WeChat account" hold on the
  // cloud database, which has no transaction across the people it would otherwise have to check.
  'openid_claims',
  // Notices are not cases (§4): one document per notice, one per acknowledgement.
  'notices',
  'acks',
  // Uploads: who uploaded what, its SHA-256, what uses it, its image check; verdicts by trace id.
  'files',
  'media_verdicts',
  // Daily sealed checkpoints of every changed history's head (the audit trail's outside anchor).
  'audit_checkpoints',
  // Reports: each group's naming compliance per day, kept by the scheduler's sweep (over time).
  'naming_snapshots',
  // Audited Excel exports (reports.export): one sealed record per export, the owner's 导出记录.
  'exports',
  // 代理: one document per delegator (its _id), read beside the actor and the case views.
  'delegations',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** Kept by the local host only (what WeChat would have pushed); never created in the cloud. */
export const LOCAL_ONLY: readonly CollectionName[] = ['pushes'];

export type IndexField = [field: string, order: 1 | -1];

export interface IndexSpec {
  collection: CollectionName;
  name: string;
  fields: IndexField[];
  /**
   * The field that holds an array, matched by containment (`where({ assignees: id })`).
   * SQLite cannot index inside JSON arrays, so it keeps one row per element in a side table.
   */
  arrayField?: string;
}

export const INDEXES: readonly IndexSpec[] = [
  // getPersonByOpenid
  { collection: 'people', name: 'openid', fields: [['openid', 1]] },
  // listPeople, by name
  { collection: 'people', name: 'name', fields: [['name', 1], ['_id', 1]] },
  // getActor: the departments a person heads
  { collection: 'departments', name: 'head', fields: [['headId', 1]] },
  // listMembershipsOfPerson; listRoster
  { collection: 'memberships', name: 'person', fields: [['personId', 1]] },
  { collection: 'memberships', name: 'group_status', fields: [['groupId', 1], ['status', 1]] },
  // listGroups; getGroupByOpengid
  { collection: 'groups', name: 'name', fields: [['name', 1], ['_id', 1]] },
  { collection: 'groups', name: 'opengid', fields: [['opengid', 1]] },
  // Reports: the naming snapshots of a period's bucket ends, per group
  { collection: 'naming_snapshots', name: 'group_day', fields: [['groupId', 1], ['day', 1]] },
  // Reports: a department head's groups
  { collection: 'groups', name: 'dept', fields: [['deptId', 1], ['_id', 1]] },
  // listCasesOfGroup: a group's history
  { collection: 'cases', name: 'group', fields: [['groupId', 1], ['updatedAt', -1], ['_id', -1]] },
  // listInbox: "what waits on me", the hottest query
  {
    collection: 'cases',
    name: 'inbox',
    fields: [['assignees', 1], ['open', 1], ['dueKey', 1], ['createdAt', 1], ['_id', 1]],
    arrayField: 'assignees',
  },
  // listDueCases (scheduler)
  { collection: 'cases', name: 'due', fields: [['open', 1], ['wakeAt', 1], ['_id', 1]] },
  // listCasesWithOutbox (scheduler retries)
  { collection: 'cases', name: 'outbox', fields: [['outboxSize', 1], ['updatedAt', 1], ['_id', 1]] },
  // listCasesOfPerson: openedBy = me OR subjectId = me, one index per branch
  { collection: 'cases', name: 'opened_by', fields: [['openedBy', 1], ['updatedAt', -1], ['_id', -1]] },
  { collection: 'cases', name: 'subject', fields: [['subjectId', 1], ['updatedAt', -1], ['_id', -1]] },
  // listOpenCases
  {
    collection: 'cases',
    name: 'open_of_subject',
    fields: [['subjectId', 1], ['kind', 1], ['groupId', 1], ['open', 1], ['createdAt', 1], ['_id', 1]],
  },
  // listOpenCases of a whole group (the roster's pending nickname fixes); listCasesOfKind by its prefix
  { collection: 'cases', name: 'open_of_group', fields: [['kind', 1], ['groupId', 1], ['open', 1], ['createdAt', 1], ['_id', 1]] },
  // listCasesAbout: a member's earlier cases of a kind in a group (the penalty ladder)
  {
    collection: 'cases',
    name: 'of_subject',
    fields: [['subjectId', 1], ['kind', 1], ['groupId', 1], ['createdAt', 1], ['_id', 1]],
  },
  // listNotifications (all / unread only, and the unread count)
  { collection: 'notifications', name: 'to', fields: [['to', 1], ['createdAt', -1], ['_id', -1]] },
  { collection: 'notifications', name: 'to_read', fields: [['to', 1], ['read', 1], ['createdAt', -1], ['_id', -1]] },
  // getCaseWithNotifications: what one case sent (who an emergency's alerts reached)
  { collection: 'notifications', name: 'case', fields: [['caseId', 1], ['_id', 1]] },
  // listGrants
  { collection: 'grants', name: 'person', fields: [['personId', 1]] },
  // listBackups: a group's backups by period; findBackupsByFile: the download check
  { collection: 'backups', name: 'group', fields: [['groupId', 1], ['from', 1], ['_id', 1]] },
  { collection: 'backups', name: 'file', fields: [['fileId', 1]] },
  // reports (backups figure): a group's backups that end on or after the period's first day
  { collection: 'backups', name: 'group_to', fields: [['groupId', 1], ['to', 1], ['from', 1]] },
  // listFileAccess: one case's access log, oldest first
  { collection: 'file_access', name: 'case', fields: [['caseId', 1], ['at', 1], ['_id', 1]] },
  // listNoticesToAck: "what do I still have to acknowledge", newest deadline first
  { collection: 'notices', name: 'owed', fields: [['owed', 1], ['open', 1], ['ackDueAt', -1], ['_id', -1]], arrayField: 'owed' },
  // listNoticesOfGroup; the duplicate check (a group's notices since a day)
  { collection: 'notices', name: 'group', fields: [['groupIds', 1], ['publishedAt', -1], ['_id', -1]], arrayField: 'groupIds' },
  // listNoticesByPublisher
  { collection: 'notices', name: 'publisher', fields: [['publisherId', 1], ['publishedAt', -1], ['_id', -1]] },
  // listDueNotices (scheduler: reminders and the final count)
  { collection: 'notices', name: 'due', fields: [['wakeAt', 1], ['_id', 1]] },
  // reports (acks figure): the notices whose acknowledgement deadline falls in the period
  { collection: 'notices', name: 'ack_due', fields: [['ackDueAt', 1], ['_id', 1]] },
  // listAcks: one notice's acknowledgements (receipts, reminders)
  { collection: 'acks', name: 'notice', fields: [['noticeId', 1], ['at', 1], ['_id', 1]] },
  // getSettings: the highest version
  { collection: 'settings', name: 'version', fields: [['version', -1]] },
  // Checkpoints: the chains changed since the last one (listCasesChangedSince / listBackupsChangedSince)
  { collection: 'cases', name: 'changed', fields: [['updatedAt', 1]] },
  { collection: 'backups', name: 'changed', fields: [['updatedAt', 1]] },
  // Reports (reports.overview / reports.drill): one range per figure over the report facts kept on
  // each case (core/report-facts.ts), by Shanghai day; the kind and group follow so a count is read
  // off the index alone.
  { collection: 'cases', name: 'report_opened', fields: [['rpOpenDay', 1], ['kind', 1], ['groupId', 1]] },
  { collection: 'cases', name: 'report_closed', fields: [['rpCloseDay', 1], ['kind', 1], ['groupId', 1]] },
  { collection: 'cases', name: 'report_decided', fields: [['rpDecideDay', 1], ['kind', 1], ['rpDecideMs', 1], ['groupId', 1]] },
  { collection: 'cases', name: 'report_overdue', fields: [['rpDueDay', 1], ['kind', 1], ['dueKey', 1], ['groupId', 1]] },
  { collection: 'cases', name: 'report_violations', fields: [['kind', 1], ['rpOpenDay', 1], ['rpCategory', 1], ['rpStep', 1], ['groupId', 1]] },
  { collection: 'cases', name: 'report_appeals', fields: [['rpAppealDay', 1], ['rpAppealKey', 1], ['rpToLeader', 1], ['groupId', 1]] },
  // cases.search (全部事项): each filter the page offers leads through one of these, read forwards or
  // backwards (oldest or newest deadline first); the other filters are checked on the rows they lead to.
  // No filter (the owner's whole organisation); a period, whose cases lie close together in this order
  { collection: 'cases', name: 'search', fields: [['searchDue', -1], ['_id', -1]] },
  // One group, or the caller's groups (an admin's, a leader's, a department head's)
  { collection: 'cases', name: 'search_group', fields: [['groupId', 1], ['searchDue', -1], ['_id', -1]] },
  // A kind; a state (most state names belong to one kind, so a kind with a state is led by the state)
  { collection: 'cases', name: 'search_kind', fields: [['kind', 1], ['searchDue', -1], ['_id', -1]] },
  { collection: 'cases', name: 'search_state', fields: [['state', 1], ['searchDue', -1], ['_id', -1]] },
  // Overdue only: open cases whose deadline has passed, by deadline (for them searchDue = dueKey)
  { collection: 'cases', name: 'search_overdue', fields: [['open', 1], ['dueKey', 1], ['_id', 1]] },
  // Overdue only in a group (with a kind, checked on its few overdue cases): the group's open cases by deadline
  { collection: 'cases', name: 'search_group_overdue', fields: [['groupId', 1], ['open', 1], ['dueKey', 1], ['_id', 1]] },
  // Title text: each word of the title with its suffixes, matched by prefix (search-terms.ts)
  { collection: 'cases', name: 'search_terms', fields: [['terms', 1], ['searchDue', -1], ['_id', -1]], arrayField: 'terms' },
  // The export log (listExports, newest first), the checkpoint's exports since the last (listExportsSince),
  // and verifying a file or checksum (findExportsBySha256)
  { collection: 'exports', name: 'at', fields: [['at', -1], ['_id', -1]] },
  { collection: 'exports', name: 'file_sha', fields: [['fileSha256', 1]] },
  { collection: 'exports', name: 'content_sha', fields: [['contentSha256', 1]] },
  // getLatestCheckpoint, listCheckpoints
  { collection: 'audit_checkpoints', name: 'seq', fields: [['seq', 1]] },
  // getActor's uploads of the caller (what they may attach, the upload limit)
  { collection: 'files', name: 'uploader', fields: [['uploadedBy', 1], ['uploadedAt', 1]] },
  // listStaleUploads (the scheduler removes uploads nothing uses after a day)
  { collection: 'files', name: 'stale', fields: [['used', 1], ['uploadedAt', 1], ['_id', 1]] },
  // getActor's delegations naming the caller (active ones: to > now); listDelegationsTo
  { collection: 'delegations', name: 'delegate', fields: [['delegateId', 1], ['to', 1], ['from', 1]] },
  // setUploadVerdict: a media check verdict finds its upload by trace id
  { collection: 'files', name: 'trace', fields: [['check.traceId', 1]] },
];

export function indexesOf(collection: CollectionName): IndexSpec[] {
  return INDEXES.filter((ix) => ix.collection === collection);
}

/** The indexes to create in the cloud database console (or by the deploy script), as text. */
export function describeCloudIndexes(): string {
  const lines: string[] = [];
  for (const name of COLLECTIONS) {
    if (LOCAL_ONLY.includes(name)) continue;
    lines.push(name);
    const ixs = indexesOf(name);
    if (!ixs.length) lines.push('  (no index beyond _id)');
    for (const ix of ixs) {
      // The cloud database keeps _id unique on its own; as a last key it only fixes the order.
      const fields = ix.fields.map(([f, o]) => `${f} ${o === 1 ? 'asc' : 'desc'}`).join(', ');
      lines.push(`  ${ix.name}: ${fields}`);
    }
  }
  return lines.join('\n');
}

export function printCloudIndexes(write: (text: string) => void = (t) => console.log(t)): void {
  write(describeCloudIndexes());
}

// --- Fields stored beside a case so that the indexes above can serve its queries ---

/** Sort key for a case without a deadline: after every real one (the largest Date in ms). */
export const NO_DEADLINE = 8_640_000_000_000_000;

export interface CaseIndexFields extends ReportFacts {
  /** dueAt, or NO_DEADLINE: both databases sort null first, the inbox wants it last. */
  dueKey: number;
  /** outbox.length, so "has undispatched entries" is an index range. */
  outboxSize: number;
  /** cases.search's order: the deadline, or the opening time for a case that has none. */
  searchDue: number;
  /** cases.search's title text: each word of the title with its suffixes (search-terms.ts). */
  terms: string[];
}
export type StoredCase = Case & CaseIndexFields;

/** A stored copy of the case with its index fields; never the object passed in. */
export function caseToDoc(c: Case, version = c.version): StoredCase {
  // The report facts are written with the step itself, so a figure never lags the cases it counts.
  return { ...c, version, dueKey: c.dueAt ?? NO_DEADLINE, outboxSize: c.outbox.length, searchDue: c.dueAt ?? c.createdAt, terms: caseTerms(c), ...reportFacts(c) };
}

const INDEX_ONLY = new Set<string>(['dueKey', 'outboxSize', 'searchDue', 'terms', 'rpOpenDay', 'rpCloseDay', 'rpDecideDay', 'rpDecideMs', 'rpDueDay', 'rpCategory', 'rpStep', 'rpAppealDay', 'rpAppealKey', 'rpToLeader']);

export function docToCase(doc: object): Case {
  const c: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!INDEX_ONLY.has(k)) c[k] = v;
  return c as unknown as Case;
}
