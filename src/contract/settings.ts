import * as z from 'zod/mini';
import { templateFieldsSchema } from './templates';

/** Built on its first call, then the same one. Its uses are marked pure: a bundle that never calls one leaves it out. */
const once = <T>(build: () => T): (() => T) => {
  let built: T | undefined;
  return () => (built ??= build());
};

const isoDate = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const calendarOverridesSchema = /* @__PURE__ */ once(() =>
  z.strictObject({
    /** Extra days off (company holidays, or an official holiday of a year the library does not know). */
    holidays: z.array(isoDate()).check(z.maxLength(400)),
    /** Extra working days (调休 Saturdays/Sundays of a year the library does not know). */
    workdays: z.array(isoDate()).check(z.maxLength(400)),
    /** Years whose official schedule the owner has entered and confirmed. */
    confirmedYears: z.array(z.int().check(z.minimum(2000), z.maximum(2100))).check(z.maxLength(50)),
  }),
);
export type CalendarOverrides = z.infer<ReturnType<typeof calendarOverridesSchema>>;

const days = () => z.int().check(z.minimum(1), z.maximum(60));

/**
 * Every setting with its bounds. Built on first use (settings.update, the deploy's check of saved
 * settings): a cold function instance that never saves settings does not spend its start on it.
 */
export const settingsValuesSchema = /* @__PURE__ */ once(() =>
  z.strictObject({
    naming: z.strictObject({
      separator: z.enum(['-', '·', '_', '/', '|']),
      maxLength: z.int().check(z.minimum(6), z.maximum(32)),
    }),
    rename: z.strictObject({
      /** Working days an admin has to decide. */
      adminDays: days(),
      /** Working days after the reminder before the leader is alerted. */
      escalateAfterDays: days(),
    }),
    /** Joining, roster tasks and admins (§2.1, §3.1). */
    membership: z.strictObject({
      /** Hours an invitation card stays valid. */
      invitationHours: z.int().check(z.minimum(1), z.maximum(24 * 30)),
      /** Working days an admin has to add a new hire to a group. */
      onboardDays: days(),
      /** Working days an admin has to remove a leaver (§2.1 及时). */
      offboardDays: days(),
      /** Working days after the reminder before the leader is alerted. */
      escalateAfterDays: days(),
      /** Longest stay of an external guest, in calendar days. */
      guestMaxDays: z.int().check(z.minimum(1), z.maximum(366)),
      /** Working days the department head or leader has to approve a guest. */
      guestApproveDays: days(),
      /** Working days the leader has to decide an admin change. */
      adminChangeDays: days(),
      /** Working days for nominations, then for votes, in an admin election. */
      nominationDays: days(),
      votingDays: days(),
    }),
    /** Violations, the penalty ladder and appeals (§7). */
    violation: z.strictObject({
      /** The six kinds of §7.1, as the organisation words them. */
      categories: z.array(z.string().check(z.minLength(1), z.maxLength(40))).check(z.minLength(1), z.maxLength(12)),
      /** This many violations (this one included) within `windowDays` calendar days is a repeat → removal. */
      repeatCount: z.int().check(z.minimum(2), z.maximum(10)),
      windowDays: z.int().check(z.minimum(1), z.maximum(730)),
      /** X₁: working days the member has to appeal after being notified. */
      appealDays: days(),
      /** X₂: working days the admin (or leader) has to answer. */
      answerDays: days(),
      /** X₃: working days the member has to escalate to the leader after the answer. */
      escalateDays: days(),
      /** Working days after a reminder before the leader is alerted. */
      remindAfterDays: days(),
      /** Working days the admins have to remove a member (or re-add one after a revoke) in WeChat; then reminded, then the leader told. */
      removalDays: days(),
    }),
    calendar: calendarOverridesSchema(),
    /** Chat-record backups (§6.1). */
    backup: z.strictObject({
      /** A group needs a new backup this many months after the end of its latest covered period. */
      periodMonths: z.int().check(z.minimum(1), z.maximum(12)),
      /** Working days past due before the leader is alerted. */
      overdueWorkingDays: days(),
    }),
    /** Record access (§6.2). */
    access: z.strictObject({
      /** Working days an admin has to decide a request. */
      adminDays: days(),
      /** Days a grant lasts unless the admin picks otherwise, and the most an admin may pick. */
      defaultDays: z.int().check(z.minimum(1), z.maximum(365)),
      maxDays: z.int().check(z.minimum(1), z.maximum(365)),
      /** Minutes one download link lives (never beyond the grant). */
      linkTtlMinutes: z.int().check(z.minimum(1), z.maximum(60)),
    }),
    /** Notices (§4). */
    notices: z.strictObject({
      /** Longest body, in characters (§4.4 简洁明了). */
      bodyMax: z.int().check(z.minimum(100), z.maximum(2000)),
      /** Days back the duplicate check looks in the target groups (§4.1). */
      duplicateDays: z.int().check(z.minimum(1), z.maximum(365)),
      /** Trigram similarity (percent) from which a draft is a near duplicate that needs a confirmation. */
      nearPercent: z.int().check(z.minimum(50), z.maximum(99)),
      /** Working days members have to acknowledge unless the publisher picks otherwise. */
      ackDays: days(),
      /** Reminders a member gets for one notice at most (10:00 on working days until the deadline). */
      maxReminders: z.int().check(z.minimum(0), z.maximum(10)),
    }),
    /** Emergencies (§5.3): wall-clock minutes, nights, weekends and holidays included. */
    emergency: z.strictObject({
      /** Minutes an assignee has to 接收 unless the starter sets otherwise; reminded then, the starter and leader alerted one window later. */
      ackMinutes: z.int().check(z.minimum(1), z.maximum(120)),
      /** The response deadline the start form proposes, in minutes. */
      respondMinutes: z.int().check(z.minimum(5), z.maximum(1440)),
    }),
    /** Member feedback (§3.2). */
    feedback: z.strictObject({
      categories: z.array(z.string().check(z.minLength(1), z.maxLength(10))).check(z.minLength(1), z.maxLength(10)),
      /** Working days the group's admins have to answer or forward it. */
      triageDays: days(),
      /** Working days whoever it was forwarded to (or a follow-up returned to) has to answer. */
      answerDays: days(),
      /** Working days after a reminder before the leader is alerted. */
      remindAfterDays: days(),
      /** Working days the member has to follow up or mark it resolved; then it is closed as answered. */
      confirmDays: days(),
      /** Trigram similarity (percent) from which open feedback is offered to second (附议) instead. */
      similarPercent: z.int().check(z.minimum(20), z.maximum(95)),
    }),
    /** Per person, per rolling hour: past a limit the action is refused (RATE_LIMITED) and nothing is written. */
    limits: z.strictObject({
      /** New requests of one kind (改名、查阅、外部人员、管理员变更、选举…). */
      requestsPerHour: z.int().check(z.minimum(1), z.maximum(100)),
      /** Uploaded files. */
      uploadsPerHour: z.int().check(z.minimum(1), z.maximum(500)),
      /** Reminders a person asks to be sent to others. */
      remindersPerHour: z.int().check(z.minimum(1), z.maximum(100)),
    }),
    /** Approval ergonomics (转交、代理、催办). */
    approval: z.strictObject({
      /** Hours between two nudges (催办) of one case by whoever asked. */
      nudgeHours: z.int().check(z.minimum(1), z.maximum(72)),
    }),
    /** Subscription template ids by purpose, from the mini-program's admin console. */
    templates: z.strictObject({
      caseDecided: z.string().check(z.maxLength(64)),
      newTask: z.string().check(z.maxLength(64)),
      reminder: z.string().check(z.maxLength(64)),
      escalation: z.string().check(z.maxLength(64)),
    }),
    /**
     * Each purpose's template keywords: which of our values goes into which key (contract/templates).
     * A purpose without an entry (all of them until the owner maps one, and settings saved before this
     * section existed) uses the first templates' thing1 事项 / thing2 说明 / time3 时间.
     */
    templateFields: z.record(z.string().check(z.maxLength(32)), templateFieldsSchema()),
  }),
);
export type SettingsValues = z.infer<ReturnType<typeof settingsValuesSchema>>;
export type TemplatePurpose = keyof SettingsValues['templates'];

export const DEFAULT_SETTINGS: SettingsValues = {
  naming: { separator: '-', maxLength: 20 },
  rename: { adminDays: 2, escalateAfterDays: 1 },
  membership: {
    invitationHours: 72,
    onboardDays: 2,
    offboardDays: 1,
    escalateAfterDays: 1,
    guestMaxDays: 30,
    guestApproveDays: 2,
    adminChangeDays: 3,
    nominationDays: 2,
    votingDays: 3,
  },
  violation: {
    categories: [
      '违反法律法规或规章制度',
      '发布违法违规有害信息',
      '人身攻击、诋毁、造谣',
      '广告推销、擅自拉票集赞',
      '随意屏蔽群消息影响沟通',
      '泄露群内敏感信息',
    ],
    repeatCount: 2,
    windowDays: 180,
    appealDays: 3,
    answerDays: 5,
    escalateDays: 3,
    remindAfterDays: 1,
    removalDays: 1,
  },
  calendar: { holidays: [], workdays: [], confirmedYears: [] },
  backup: { periodMonths: 1, overdueWorkingDays: 3 },
  access: { adminDays: 2, defaultDays: 7, maxDays: 30, linkTtlMinutes: 10 },
  notices: { bodyMax: 1000, duplicateDays: 30, nearPercent: 80, ackDays: 2, maxReminders: 3 },
  emergency: { ackMinutes: 10, respondMinutes: 60 },
  feedback: { categories: ['建议', '问题', '投诉', '其他'], triageDays: 2, answerDays: 3, remindAfterDays: 1, confirmDays: 5, similarPercent: 30 },
  limits: { requestsPerHour: 10, uploadsPerHour: 30, remindersPerHour: 10 },
  approval: { nudgeHours: 4 },
  templates: {
    caseDecided: 'TPL_CASE_DECIDED',
    newTask: 'TPL_NEW_TASK',
    reminder: 'TPL_REMINDER',
    escalation: 'TPL_ESCALATION',
  },
  // Empty: every purpose uses DEFAULT_TEMPLATE_FIELDS (contract/template-keywords), kept out of the main package.
  templateFields: {},
};

export interface CalendarStatus {
  /** Years the holiday library has official data for. */
  officialYears: number[];
  /** Years from this one to next year that nobody has confirmed: deadlines there may be wrong. */
  unconfirmedYears: number[];
  warning: string | null;
}

export interface SettingsView {
  version: number;
  values: SettingsValues;
  updatedAt: number;
  updatedBy: string | null;
  calendar: CalendarStatus;
}

/** Settings stored before a section existed take that section's defaults. */
export function withDefaultSettings(values: Partial<SettingsValues>): SettingsValues {
  return {
    ...DEFAULT_SETTINGS,
    ...values,
    membership: { ...DEFAULT_SETTINGS.membership, ...(values.membership ?? {}) },
    violation: { ...DEFAULT_SETTINGS.violation, ...(values.violation ?? {}) },
  };
}
