// Audited Excel exports (R16): what reports.export takes and answers, the owner's export log
// (导出记录) and the verification of an exported file or checksum.
import type { CaseKind, PersonRef } from './model';

/** The most history rows (处理记录) one export may hold: 256 MB and the function's 60 s (measured in the bench). */
export const EXPORT_HISTORY_ROWS_MAX = 100_000;
/** How long the link to a freshly built export works. */
export const EXPORT_LINK_TTL_MINUTES = 10;
/** At most this many groups named in one export's filter. */
export const EXPORT_GROUPS_MAX = 200;

/** What an export was asked for, as recorded and shown. */
export interface ExportFilters {
  /** The groups exported (the caller's whole scope when none was named), by name. */
  groups: { id: string; name: string }[];
  /** Whether the caller named the groups or took their whole scope. */
  allInScope: boolean;
  /** Dates in Asia/Shanghai, inclusive: cases opened from the start of `from` to the end of `to`. */
  from: string;
  to: string;
  /** null: every kind. */
  kinds: { kind: CaseKind; label: string }[] | null;
}

/** One recorded export, as the log shows it. */
export interface ExportView {
  id: string;
  by: PersonRef;
  at: number;
  filters: ExportFilters;
  rows: { cases: number; history: number };
  fileName: string;
  /** SHA-256 (hex) of the .xlsx file's bytes, as stored. */
  fileSha256: string;
  /** SHA-256 (hex) of the data sheets' content, as printed on the 说明 sheet (exportContentHash). */
  contentSha256: string;
  /** The record's seal checks out under the deployment's audit key: false means the record was altered. */
  intact: boolean;
}

/** reports.export: the recorded export and a link to the file. */
export interface ExportResult extends ExportView {
  url: string;
  expiresAt: number;
  /** True when this requestId had been exported already: the same record and file, nothing new recorded. */
  repeated: boolean;
}

/** reports.verifyExport: whether a file or checksum is one this deployment recorded exporting. */
export interface ExportVerification {
  match: boolean;
  /** What matched: the file's bytes (fileSha256) or the data sheets' checksum on its 说明 sheet (contentSha256). */
  matchedBy: 'file' | 'content' | null;
  /** The SHA-256 that was looked up (computed here from the uploaded file, or as given). */
  sha256: string;
  export: ExportView | null;
  /** One Chinese sentence saying what the result means. */
  message: string;
}
