// The only doors to the outside world. Handlers see these interfaces; adapters implement them.
import type { CaseKind, GroupRole } from '../contract';
import type { NamingSnapshotDoc, AckDoc, BackupDoc, Case, CheckpointDoc, DelegationDoc, ExportDoc, MediaVerdictDoc, UploadDoc, NoticeDoc, OutboxEntry, Department, FileAccessDoc, GrantDoc, Group, Invitation, Membership, NotificationDoc, Person, RosterEntry, SettingsDoc } from '../core/model';

/** What reports.export selects: cases opened on `fromDay`..`toDay` (Asia/Shanghai day numbers) of the groups and kinds. */
export interface ExportQuery {
  /** The export's id: when it is recorded already, nothing else is read. */
  exportId: string;
  scope: ReportScope;
  /** The groups named; absent: every group of the scope (for the owner, cases of no group too). */
  groupIds?: string[];
  fromDay: number;
  toDay: number;
  kinds: CaseKind[] | null;
  /** Past this many history entries, the cases are not read. */
  maxHistory: number;
}
export interface ExportSource {
  existing: ExportDoc | null;
  /** Every group of the scope, by name. */
  groups: Group[];
  /** How many cases and history entries the filters select (zero when a group named is out of scope). */
  count: { cases: number; history: number };
  /** Oldest first; null when the export exists, a group named is out of scope, or the count is past maxHistory. */
  cases: Case[] | null;
  /** The people those cases name (subjects, deciders, history). */
  people: Person[];
  checkpoints: CheckpointDoc[];
}

export interface PageQuery {
  offset: number;
  limit: number;
}
export interface PageOf<T> {
  items: T[];
  total: number;
}

/** The groups a caller may see in reports: every group, or those named and those of the departments named. */
export interface ReportScope {
  all: boolean;
  groupIds: string[];
  deptIds: string[];
}
/** A figure of reports.overview: the store reads only those asked (the bench times each on its own). */
export type ReportFigure = 'opened' | 'closed' | 'overdue' | 'decided' | 'violations' | 'appeals' | 'naming' | 'backups' | 'acks';
export const REPORT_FIGURES: readonly ReportFigure[] = ['opened', 'closed', 'overdue', 'decided', 'violations', 'appeals', 'naming', 'backups', 'acks'];
export interface ReportQuery {
  scope: ReportScope;
  /** One group of the scope; absent: all of it. Outside the scope: nothing but `groups` is read. */
  groupId?: string;
  /** Asia/Shanghai day numbers (core/report-facts.ts), inclusive. */
  fromDay: number;
  toDay: number;
  /** Overdue means due before this. */
  now: number;
  figures?: readonly ReportFigure[];
  /** The days whose naming snapshots to read (the buckets' last days); none when absent. */
  snapshotDays?: number[];
  /** The overview's buckets (inclusive day ranges): with them `decided` is answered per bucket as `decidedStats`. */
  buckets?: { fromDay: number; toDay: number }[];
}
/** Opening → decision per bucket (its index in ReportQuery.buckets) and kind: the count, median and p90 (nearest rank). */
export interface DecidedStat {
  bucket: number;
  key: string;
  n: number;
  medianMs: number;
  p90Ms: number;
}
export interface DayCount {
  day: number;
  key: string;
  n: number;
}
/**
 * What a notice's counts need (core/notices.ts noticeStats): its acknowledgements counted by the
 * database (no row per member comes back), and who of those it was owed to has since left a group
 * they owed it in, with those people's acknowledgements, so they can be taken out of the counts.
 */
export interface NoticeTally {
  noticeId: string;
  acked: number;
  /** Acknowledgements after the notice's deadline (those marked late: the two always agree). */
  late: number;
  /** `groupId:personId` of each audience member whose membership of that group has ended. */
  left: string[];
  /** The acknowledgements of the people in `left`. */
  leftAcks: AckDoc[];
}

/** A notice whose deadline fell in the period, to the groups counted: who owed it there and who acknowledged by the deadline. */
export interface ReportNotice {
  _id: string;
  title: string;
  publishedAt: number;
  ackDueAt: number;
  audience: { groupId: string; personIds: string[] }[];
  onTime: string[];
}
export interface ReportData {
  /** Every group of the scope, by name. */
  groups: Group[];
  /** Rosters (active members) of the groups counted, and the departments: the naming check. */
  roster: RosterEntry[];
  departments: Department[];
  opened: DayCount[];
  closed: DayCount[];
  /** Open cases due before `now`, by the day they fell due. */
  overdue: DayCount[];
  /** Opening → decision in ms, ascending, per day and kind (without ReportQuery.buckets). */
  decided: { day: number; key: string; ms: number[] }[];
  /** With ReportQuery.buckets, instead of `decided`: the percentiles per bucket, computed by the store. */
  decidedStats?: DecidedStat[];
  /** Violations opened, by category (key) and by the ladder step chosen (key). */
  violations: DayCount[];
  measures: DayCount[];
  appeals: { day: number; key: string; toLeader: number; n: number }[];
  backups: BackupDoc[];
  notices: ReportNotice[];
  /** The naming snapshots of the groups counted on `snapshotDays` (with the naming figure). */
  snapshots: NamingSnapshotDoc[];
}
/** The case metrics of reports.drill: which cases, by the same facts the figures count. */
export type ReportCaseMetric = 'opened' | 'closed' | 'overdue' | 'decided' | 'violations' | 'measures' | 'appeals' | 'appealsToLeader';
export interface ReportDrillQuery {
  scope: ReportScope;
  groupId?: string;
  metric: ReportCaseMetric;
  /** The series: kind (opened, closed, overdue, decided), category, step or appeal outcome. */
  key?: string;
  fromDay: number;
  toDay: number;
  now: number;
  page: PageQuery;
}

export interface Directory {
  departments: Department[];
  people: Person[];
  groups: Group[];
  memberships: Membership[];
}

/** Who an OPENID stands for, as the dispatcher needs it on every call. */
export interface ActorRecord {
  person: Person;
  /** All memberships of the person, any status. */
  memberships: Membership[];
  /** Ids of the departments the person heads. */
  headOf: string[];
  /**
   * A departure has been recorded for the person (core/kinds/departure.ts `departureId`): their access
   * ends with that write, before its effect sets their status.
   */
  departed: boolean;
  /** With `uploadsSince` or `uploadIds`: the person's uploads since then, and the records of those ids whoever made them. */
  uploads?: UploadDoc[];
  /** With `openedSince`: the cases the person opened since then (the request limit). */
  opened?: { _id: string; kind: string; createdAt: number }[];
  /** With `delegationsAt`: the delegations naming the person as delegate that hold at that time. */
  delegatedBy?: DelegationDoc[];
  /** With `delegationsOf`: the person's own delegation (any period) and those of the people named, in no set order. */
  delegations?: DelegationDoc[];
}

/** What getActor reads besides the person, in the same round trip, for the actions that need it. */
export interface ActorQuery {
  /** The person's own uploads since then (the upload limit). */
  uploadsSince?: number;
  /** Upload records by id, whoever made them (the files an action names: are they the caller's?). */
  uploadIds?: string[];
  openedSince?: number;
  /** The delegations naming the person as delegate that hold at this time (from ≤ t < to). */
  delegationsAt?: number;
  /** The person's own delegation and those of these delegators (any period): setting one's own delegation. */
  delegationsOf?: string[];
}

/**
 * Whose 待办: one person's; several people's; or a delegate's (代理): their own, and of what waits on
 * those they stand in for (`actingFor`), only the cases of the kinds delegation reaches (`kinds`).
 */
export type InboxWhose = string | string[] | { own: string; actingFor: string[]; kinds: readonly string[] };

/**
 * What a screen shows besides who the caller is (home.load, me.load), read in one round trip: each
 * part as its own list method answers it, only the parts asked for.
 */
export interface ScreenQuery {
  /** listGrants: the person's subscription grants. */
  grants?: boolean;
  /** listCasesOfPerson. */
  cases?: PageQuery;
  /** How many of the person's notifications are unread. */
  unread?: boolean;
  /** listNoticesToAck. */
  noticesToAck?: PageQuery;
  /** listOpenCases of one kind in each of these groups, concatenated in the groups' order. */
  open?: { kind: string; groupIds: string[] };
  /** listInbox: whose 待办 (the caller's, with those who delegated to them). */
  inbox?: { whose: InboxWhose; page: PageQuery };
  /** getCase. */
  case?: string;
  /**
   * With `inbox` or `case`: the delegations of the assignees of the open cases read (getDelegations),
   * read right after them in the same call (as listRoster reads its people after its rows).
   */
  delegations?: boolean;
}
export interface ScreenRecord {
  grants?: GrantDoc[];
  cases?: PageOf<Case>;
  unread?: number;
  noticesToAck?: PageOf<NoticeDoc>;
  open?: Case[];
  inbox?: PageOf<Case>;
  case?: Case | null;
  delegations?: DelegationDoc[];
}

/** What cases.search asks the store; every field but the order and page narrows the answer. */
export interface CaseSearchQuery {
  /** The groups searched; null: every case (the owner), a departure (no group) included. */
  groupIds: string[] | null;
  kinds?: string[];
  states?: string[];
  /** Cases whose subject or requester (openedBy) is one of these. */
  personIds?: string[];
  /**
   * A name: cases whose subject or requester is one of the people, with a roster row in `groupIds`
   * (any, for null), whose name or a recorded nickname contains this normalised text. The people
   * matched come back too, up to `peopleCap` + 1; more than `peopleCap` and no cases are read.
   */
  personText?: string;
  peopleCap?: number;
  /** Normalised words (cases/search-terms.ts), each a prefix of one of the case's terms. */
  words?: string[];
  /** Opened at or after / at or before (UTC ms). */
  openedFrom?: number;
  openedTo?: number;
  /** Open cases with a deadline before this time. */
  overdueAt?: number;
  order: 'dueDesc' | 'dueAsc';
  offset: number;
  limit: number;
  countCap: number;
}

export interface Store {
  /** The parts of a person's screen `q` asks for, in one round trip (on WeChat: the requests at once). */
  getScreen(personId: string, q: ScreenQuery): Promise<ScreenRecord>;
  // People and organisation
  /** The person bound to an OPENID with their memberships, headships and departure (and what `q` asks), in one round trip. */
  getActor(openid: string, q?: ActorQuery): Promise<ActorRecord | null>;
  getPerson(id: string): Promise<Person | null>;
  getPeople(ids: string[]): Promise<Person[]>;
  getPersonByOpenid(openid: string): Promise<Person | null>;
  /** Everyone, by name (the local host's sign-in page; admin rosters). */
  listPeople(): Promise<Person[]>;
  /** All memberships of a person, any status. */
  listMembershipsOfPerson(personId: string): Promise<Membership[]>;
  /** Active memberships of a group joined with their people. */
  listRoster(groupId: string): Promise<RosterEntry[]>;
  /** Every membership in the organisation, _id order (the org pages: every roster in one read). */
  listMemberships(): Promise<Membership[]>;
  /**
   * The whole directory in one round trip, each list in its own list method's order: the org page.
   * One WeChat aggregate, so its answer is bounded by the database's 16 MB document limit.
   */
  getDirectory(): Promise<Directory>;
  getGroups(ids: string[]): Promise<Group[]>;
  listDepartments(): Promise<Department[]>;
  insertPerson(p: Person): Promise<void>;
  insertDepartment(d: Department): Promise<void>;
  insertGroup(g: Group): Promise<void>;
  /**
   * A new group with its first roster rows, all or nothing: false (and nothing written) when a group
   * with its _id exists already. On WeChat the rows are set first, at once, and the group's insert
   * is the commit point, so a crash never leaves a group without its admins.
   */
  createGroup(g: Group, memberships: Membership[]): Promise<boolean>;
  /** Insert or replace one roster row (keyed by `${groupId}:${personId}`). */
  putMembership(m: Membership): Promise<void>;
  /** Set one roster row's nickname without reading it first (an approved rename); false when there is no such row. */
  setNickname(groupId: string, personId: string, nickname: string, now: number): Promise<boolean>;
  /**
   * Set an existing roster row's status in place; making it active also makes it a member (an
   * onboarding). False when there is no such row. Field updates, never read-then-replace, so two
   * effects on one row at once both stay.
   */
  setMembershipStatus(groupId: string, personId: string, status: Membership['status'], now: number): Promise<boolean>;
  /** Add (`present`) or remove one role on an existing roster row in place; false when there is no such row. */
  setMembershipRole(groupId: string, personId: string, role: GroupRole, present: boolean, now: number): Promise<boolean>;
  /**
   * Set (or clear, with null) the open fix task a roster row points at, in place. With `ifCurrent`,
   * only while the row still holds that case id: an older fix closing never clears a newer one.
   * False when nothing changed (no such row, another fix held, or the same value already).
   */
  setMembershipFix(groupId: string, personId: string, caseId: string | null, ifCurrent?: string): Promise<boolean>;
  /** Replace a person's record (status, publisher flag); never used to bind an OPENID. */
  updatePerson(p: Person): Promise<void>;
  /**
   * Bind an OPENID to a person not yet bound: false when the person is bound already, or the OPENID is
   * bound to someone (even at the same moment). With `invitation`, the card it was opened with is
   * marked used by the same write, and only when the binding is made (SQLite: also only while unused).
   */
  bindOpenid(personId: string, openid: string, invitation?: { id: string; now: number }): Promise<boolean>;
  /** Replace a department (its head). */
  updateDepartment(d: Department): Promise<void>;
  /** Every group, by name. */
  listGroups(): Promise<Group[]>;
  getGroupByOpengid(opengid: string): Promise<Group | null>;
  /** Set the WeChat group a registered group stands for. */
  setGroupOpengid(groupId: string, opengid: string): Promise<void>;

  // Invitations (one-time; _id is the token's hash)
  insertInvitation(inv: Invitation): Promise<void>;
  getInvitation(id: string): Promise<Invitation | null>;
  /**
   * The invitation with the person it is for (null when gone) and the person `openid` is bound to
   * already (null when none), in one round trip; null when there is no such invitation.
   */
  getInvitationWithPerson(id: string, openid: string): Promise<{ invitation: Invitation; person: Person | null; holder: Person | null } | null>;
  /** Mark it used if it is not yet: true for exactly one caller. */
  useInvitation(id: string, openid: string, now: number): Promise<boolean>;

  // Cases
  getCase(id: string): Promise<Case | null>;
  /** The case with its record-access log (listFileAccess' order), in one round trip: the log page. */
  getCaseWithAccessLog(id: string): Promise<{ case: Case; log: FileAccessDoc[] } | null>;
  /** A case with every notification it sent, in id order (who an emergency's alerts reached), in one round trip. */
  getCaseWithNotifications(id: string): Promise<{ case: Case; notifications: NotificationDoc[] } | null>;
  /** The case with every backup of its group (listBackups' order), in one round trip: an approval. */
  getCaseWithGroupBackups(id: string): Promise<{ case: Case; backups: BackupDoc[] } | null>;
  /** false when a case with this _id exists already (idempotent create). */
  insertCase(c: Case): Promise<boolean>;
  /** Replace the case only if its stored version is `expectedVersion`; stores version + 1. */
  updateCase(c: Case, expectedVersion: number): Promise<boolean>;
  /**
   * Replace only the outbox of the case while it is still at `c.version`, keeping that version: delivery
   * is not a decision, so it must not make a concurrent decider start over. False when the case moved on.
   */
  setOutbox(c: Case, outbox: OutboxEntry[]): Promise<boolean>;
  /** Cases I opened or that are about me, newest change first. */
  listCasesOfPerson(personId: string, page: PageQuery): Promise<PageOf<Case>>;
  /** Open cases assigned to me (or to any of several people, or a delegate's: see InboxWhose), each once, earliest deadline first (no deadline last). */
  listInbox(whose: InboxWhose, page: PageQuery): Promise<PageOf<Case>>;
  /**
   * cases.search (全部事项): the cases matching every filter given, by searchDue (the deadline, else the
   * opening time) then _id, newest or oldest first; `total` counted up to `countCap` (`capped`: more).
   */
  searchCases(q: CaseSearchQuery): Promise<PageOf<Case> & { capped: boolean; people?: Person[] }>;
  /** Open cases of one kind in one group, about one subject when given, oldest first. */
  listOpenCases(kind: string, groupId: string, subjectId?: string): Promise<Case[]>;
  /** Open cases of one kind about one subject in any group, oldest first (a leaver's onboarding tasks). */
  listOpenCasesAbout(kind: string, subjectId: string): Promise<Case[]>;
  /** Every case of a group, newest change first (the group's history). */
  listCasesOfGroup(groupId: string, page: PageQuery): Promise<PageOf<Case>>;
  /** Cases of one kind about one subject in one group opened at or after `since`, open or not, oldest first (the penalty ladder). */
  listCasesAbout(kind: string, groupId: string, subjectId: string, since: number): Promise<Case[]>;
  /** Every case of a kind in a group, open or closed, oldest first (a series such as a group's elections). */
  listCasesOfKind(kind: string, groupId: string): Promise<Case[]>;
  /** Open cases whose wakeAt ≤ now, earliest first. */
  listDueCases(now: number, limit: number): Promise<Case[]>;
  /** Cases with undispatched outbox entries. */
  listCasesWithOutbox(limit: number): Promise<Case[]>;
  /** Every case in _id order, a page at a time (the audit verify routine). */
  listCasesAfter(afterId: string | null, limit: number): Promise<Case[]>;
  /** Everything reports.overview counts over the period, in one round trip (ReportQuery.figures narrows it). */
  getReport(q: ReportQuery): Promise<ReportData>;
  /** Write each group's naming snapshot of the day, replacing one of the same _id (the scheduler's sweep). */
  putNamingSnapshots(docs: NamingSnapshotDoc[]): Promise<void>;
  /**
   * The cases behind one number of the report, newest first by _id, with the groups of the scope and
   * the people the page names (subjects, assignees), in one round trip.
   */
  listReportCases(q: ReportDrillQuery): Promise<{ groups: Group[]; page: PageOf<Case>; people: Person[] }>;

  // Chat-record backups: versioned like cases, with their own history
  /** false when a backup with this _id exists already (idempotent registration). */
  insertBackup(b: BackupDoc): Promise<boolean>;
  getBackup(id: string): Promise<BackupDoc | null>;
  /** The backups of these ids that exist, in no set order: one query however many. */
  getBackups(ids: string[]): Promise<BackupDoc[]>;
  /** A group's backups, earliest period first. */
  listBackups(groupId: string): Promise<BackupDoc[]>;
  /**
   * A group with its backups (listBackups' order) and its open backup tasks (listOpenCases' order),
   * in one round trip: what registering a backup reads. Null when there is no such group.
   */
  getGroupBackups(groupId: string): Promise<{ group: Group; backups: BackupDoc[]; dueTasks: Case[] } | null>;
  /** One backup with every backup of its group (listBackups' order), in one round trip. */
  getBackupInGroup(id: string): Promise<{ backup: BackupDoc; all: BackupDoc[] } | null>;
  /** The backups stored in one file (the download check). */
  findBackupsByFile(fileId: string): Promise<BackupDoc[]>;
  /** Replace only at `expectedVersion`; stores version + 1. */
  updateBackup(b: BackupDoc, expectedVersion: number): Promise<boolean>;

  // Record-access log: links issued, downloads served or refused (append-only)
  /** false when an entry with this _id exists already. */
  insertFileAccess(e: FileAccessDoc): Promise<boolean>;
  getFileAccess(id: string): Promise<FileAccessDoc | null>;
  /** One case's log, oldest first. */
  listFileAccess(caseId: string): Promise<FileAccessDoc[]>;

  // Notices (§4) and their acknowledgements
  /**
   * What publishing to `groupIds` reads, in one round trip: the groups, their active roster rows with
   * people, the departments, and the notices published to any of them since `since` (any status).
   */
  getNoticeTargets(groupIds: string[], since: number): Promise<{ groups: Group[]; roster: RosterEntry[]; departments: Department[]; recent: NoticeDoc[] }>;
  /** false when a notice with this _id exists already (a retried publish). */
  insertNotice(n: NoticeDoc): Promise<boolean>;
  getNotice(id: string): Promise<NoticeDoc | null>;
  /**
   * A notice with the person's acknowledgement of it (null when none), in one round trip; when
   * `tallyIf` says so of the notice, its NoticeTally too, read right after it in the same call.
   */
  getNoticeForPerson(id: string, personId: string, opts?: { tallyIf?: (n: NoticeDoc) => boolean }): Promise<{ notice: NoticeDoc; ack: AckDoc | null; tally?: NoticeTally } | null>;
  /** Replace only at `expectedVersion`; stores version + 1. */
  updateNotice(n: NoticeDoc, expectedVersion: number): Promise<boolean>;
  /**
   * A correction: `old` replaced at `expectedVersion` and `fresh` inserted, both or neither (SQLite: one
   * transaction; WeChat: the new notice first, then the old one's conditional update, which commits it).
   * false when the old one changed meanwhile; true too when `fresh` exists already (a retry).
   */
  replaceNotice(old: NoticeDoc, expectedVersion: number, fresh: NoticeDoc): Promise<boolean>;
  /** Open notices the person owes and has not acknowledged, newest deadline first; `total`: how many. */
  listNoticesToAck(personId: string, page: PageQuery): Promise<PageOf<NoticeDoc>>;
  /** A group's notices, newest first, with the person's acknowledgements of those on the page. */
  listNoticesOfGroup(groupId: string, personId: string, page: PageQuery): Promise<PageOf<NoticeDoc> & { acks: AckDoc[] }>;
  /**
   * The notices a person published, newest first; with `tallies`, each one's NoticeTally (in the
   * page's order), read right after the page in the same call.
   */
  listNoticesByPublisher(personId: string, page: PageQuery, opts?: { tallies?: boolean }): Promise<PageOf<NoticeDoc> & { tallies?: NoticeTally[] }>;
  /** false when this person acknowledged this notice already (a double tap). */
  insertAck(a: AckDoc): Promise<boolean>;
  /** One notice's acknowledgements, oldest first; with `personIds`, only theirs. */
  listAcks(noticeId: string, personIds?: string[]): Promise<AckDoc[]>;
  /**
   * A notice with its acknowledgements, the active roster rows of its groups and the departments (for
   * canonical nicknames), in one round trip: the receipts page.
   */
  getNoticeReceipts(id: string): Promise<{ notice: NoticeDoc; acks: AckDoc[]; roster: RosterEntry[]; departments: Department[] } | null>;
  /** Notices the scheduler must look at (wakeAt <= now), earliest first. */
  listDueNotices(now: number, limit: number): Promise<NoticeDoc[]>;

  // In-app notifications
  /** false when a notification with this _id exists already. */
  insertNotification(n: NotificationDoc): Promise<boolean>;
  getNotification(id: string): Promise<NotificationDoc | null>;
  setNotificationPush(id: string, push: NotificationDoc['push'], error?: string): Promise<void>;
  listNotifications(personId: string, page: PageQuery, unreadOnly: boolean): Promise<PageOf<NotificationDoc> & { unread: number }>;
  /** Marks only the person's own notifications; returns how many changed. */
  markNotificationsRead(personId: string, ids: string[]): Promise<number>;

  // Subscription grants (one-time, per person and template)
  listGrants(personId: string): Promise<GrantDoc[]>;
  addGrants(personId: string, templateId: string, n: number, now: number): Promise<number>;
  /** Use one grant if there is one: true when it was taken. */
  takeGrant(personId: string, templateId: string, now: number): Promise<boolean>;
  /** WeChat said there is none (43101): trust it. */
  clearGrants(personId: string, templateId: string, now: number): Promise<void>;

  // Uploads: who uploaded what, and what uses it (server/reads/files.ts)
  /** false when this upload is recorded already. */
  insertUpload(u: UploadDoc): Promise<boolean>;
  getUploads(ids: string[]): Promise<UploadDoc[]>;
  /** Mark uploads as used by `ref` (`case:<id>`, …); marking twice changes nothing. */
  attachUploads(ids: string[], ref: string): Promise<void>;
  /** Set the image check of the upload with this trace id while it is pending; the upload as it then stands (null: no such trace). */
  setUploadVerdict(traceId: string, check: UploadDoc['check']): Promise<UploadDoc | null>;
  /** Uploads nothing uses, made before `before`, oldest first. */
  listStaleUploads(before: number, limit: number): Promise<UploadDoc[]>;
  /** Delete an upload's record only while nothing uses it: false when something does, or it is gone. */
  deleteUnusedUpload(id: string): Promise<boolean>;
  /** A media check verdict by its trace id (kept even when no upload has that trace yet). */
  putMediaVerdict(v: MediaVerdictDoc): Promise<void>;
  getMediaVerdict(traceId: string): Promise<MediaVerdictDoc | null>;

  // Audit checkpoints (jobs/checkpoints.ts)
  /** false when a checkpoint with this _id exists already (another scheduler wrote it). */
  insertCheckpoint(cp: CheckpointDoc): Promise<boolean>;
  getLatestCheckpoint(): Promise<CheckpointDoc | null>;
  /** Every checkpoint, oldest first. */
  listCheckpoints(): Promise<CheckpointDoc[]>;
  /** Every case changed at or after `since` (a day's worth, from the `changed` index), oldest change first. */
  listCasesChangedSince(since: number): Promise<Case[]>;
  /** Every backup changed at or after `since`, oldest change first. */
  listBackupsChangedSince(since: number): Promise<BackupDoc[]>;
  /** Every export record made at or after `since` (the exports' `at` index), oldest first. */
  listExportsSince(since: number): Promise<ExportDoc[]>;
  /**
   * One page of every case, backup or export record in _id order after `afterId`, with every
   * checkpoint, in one round trip: what one audit.verify call checks. The other scopes' lists are empty.
   */
  getAuditPage(scope: 'case' | 'backup' | 'export', afterId: string | null, limit: number): Promise<{ cases: Case[]; backups: BackupDoc[]; exports: ExportDoc[]; checkpoints: CheckpointDoc[] }>;

  // Audited exports (reports.export; server/reads/exports.ts)
  /**
   * Everything one export reads, in one round trip: the export already recorded under this id (then
   * nothing else), the groups of the caller's scope, and — when every group named is in it — the count
   * of the cases and history entries the filters select; the cases themselves with the people they name
   * and every checkpoint only when the count is within `maxHistory`.
   */
  getExportSource(q: ExportQuery): Promise<ExportSource>;
  /** false when an export with this _id exists already (a retried or concurrent export). */
  insertExport(e: ExportDoc): Promise<boolean>;
  getExport(id: string): Promise<ExportDoc | null>;
  /** The export log, newest first. */
  listExports(page: PageQuery): Promise<PageOf<ExportDoc>>;
  /** Exports whose file's SHA-256 or data checksum is `sha256` (lower-case hex), newest first. */
  findExportsBySha256(sha256: string): Promise<ExportDoc[]>;

  // Delegations (代理): one per delegator, replaced by a new one, ended by setting `to`
  /** The delegations of these delegators that exist (any period), in no set order. */
  getDelegations(delegatorIds: string[]): Promise<DelegationDoc[]>;
  /** Delegations naming the person as delegate that end after `after`, earliest end first. */
  listDelegationsTo(delegateId: string, after: number): Promise<DelegationDoc[]>;
  /** Insert or replace the delegator's one delegation. */
  putDelegation(d: DelegationDoc): Promise<void>;

  // Settings, versioned: each change is a new document
  getSettings(version?: number): Promise<SettingsDoc | null>;
  /** false when that version exists already (someone else changed the settings first). */
  insertSettings(s: SettingsDoc): Promise<boolean>;
}

export interface SubscriptionMessage {
  touser: string; // OPENID
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}
export type SendResult = { ok: true } | { ok: false; errCode: number; errMsg: string };

export interface Notifier {
  /** subscribeMessage.send; errCode 43101 means the user holds no grant. */
  send(msg: SubscriptionMessage): Promise<SendResult>;
}

export type ContentVerdict = { pass: true } | { pass: false; label: string };
export interface ContentCheck {
  /** security.msgSecCheck v2 on WeChat. */
  check(text: string, openid: string, scene: 1 | 2 | 3 | 4): Promise<ContentVerdict>;
}

/**
 * Stored files (evidence images, chat-record backups). Uploads go from the client straight to storage
 * (wx.cloud.uploadFile / the local host's upload endpoint); functions only read and hand out links.
 */
export interface Files {
  /** Whether the id names a file in this deployment's storage, not a URL a client made up. */
  owns(fileId: string): boolean;
  /** The bytes, for a SHA-256 computed here and never taken from a client; null when missing. */
  read(fileId: string): Promise<Buffer | null>;
  /**
   * A download link that stops working at `expiresAt` (UTC ms). `ref` names the issued-link record
   * the local host checks on download (so a revoked grant stops old links); WeChat's temp URLs
   * cannot carry it and ignore it.
   */
  link(fileId: string, expiresAt: number, ref?: string): Promise<string>;
  /** Delete a stored file (an upload nothing uses); deleting a missing file is not an error. */
  remove(fileId: string): Promise<void>;
  /**
   * Store a file the function made (an export): under `path` in cloud storage on WeChat, on disk on the
   * local host, where `name` is what a download is called. Returns its file id.
   */
  put(file: { path: string; name: string; bytes: Buffer; contentType: string; by: string; at: number }): Promise<string>;
}

/**
 * Image content security (security.mediaCheckAsync on WeChat, a local rule on the host). The verdict
 * is not the answer: it arrives later, by message push, keyed by the trace id given here
 * (server/reads/files.ts `receiveMediaVerdict`).
 */
export interface MediaCheck {
  submit(fileId: string, openid: string): Promise<{ traceId: string }>;
}

/**
 * What WeChat pushes to the function when a media check is done (event wxa_media_check, v2), and
 * what the local rule sends the same way. Only the fields read here.
 */
export interface MediaCheckPush {
  MsgType?: string;
  Event: 'wxa_media_check';
  trace_id: string;
  version?: number | string;
  /** pass, review or risky; absent when the check could not be made. */
  result?: { suggest?: string; label?: number | string };
}

/**
 * The deployment's audit keys: HMAC keys that seal every history entry and checkpoint, held outside
 * the database (a function environment value on WeChat, a file under .data/ on the local host).
 */
export interface AuditKeys {
  /** The key new seals are made with; throws when the deployment has none. */
  current(): { id: string; secret: Buffer };
  /** Any key by id, retired ones included (old seals verify under their own key); null when unknown. */
  byId(id: string): Buffer | null;
}

export interface OpenData {
  /**
   * The opengid of the group chat a cloudID from wx.getGroupEnterInfo stands for (cloud.getOpenData
   * in a function), or null when it is invalid or expired. Never trust an opengid a client sends.
   */
  groupOpengid(cloudID: string, openid: string): Promise<string | null>;
}

export interface Clock {
  now(): number;
}

export interface Deps {
  store: Store;
  notifier: Notifier;
  content: ContentCheck;
  files: Files;
  openData: OpenData;
  clock: Clock;
  /** OPENID of the org owner, set at deployment. */
  ownerOpenid: string | null;
  ids: () => string;
  /** Seals history entries and checkpoints; never stored in the database. */
  audit: AuditKeys;
  media: MediaCheck;
}
