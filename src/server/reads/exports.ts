// Audited exports as records: the id a retry finds, the seal that makes a record unforgeable without
// the deployment's audit key, and the record as the export log and verification show it.
//
// The record is sealed the way checkpoints are (cases/audit.ts sealValue: HMAC-SHA256 under the current
// audit key, binding the key's id): whoever can write the database but not read the key cannot make up
// an export, or change who made one, what it held or its checksums, without the seal failing.
import { createHash } from 'node:crypto';
import { CASE_KIND_LABELS, type ExportView } from '../../contract';
import type { ExportDoc } from '../../core/model';
import { checkSeal, sealValue } from '../cases/audit';
import type { AuditKeys } from '../ports';

const LABEL = 'export';

/** One export per person and requestId: a retry (or a second tap) finds the same record. */
export function exportIdOf(personId: string, requestId: string): string {
  return `ex_${createHash('sha256').update(`${personId}\n${requestId}`).digest('hex').slice(0, 32)}`;
}

/** What the seal covers: every field but the seal itself. */
export function exportSealed(e: Omit<ExportDoc, 'keyId' | 'seal'> & Partial<Pick<ExportDoc, 'keyId' | 'seal'>>): Omit<ExportDoc, 'keyId' | 'seal'> {
  const { keyId: _keyId, seal: _seal, ...body } = e;
  return body;
}

export function sealExport(keys: AuditKeys, body: Omit<ExportDoc, 'keyId' | 'seal'>): ExportDoc {
  return { ...body, ...sealValue(keys, LABEL, exportSealed(body)) };
}

/** True only when the record's seal holds under a key of this deployment. */
export function exportIntact(keys: AuditKeys, e: ExportDoc): boolean {
  return checkSeal(keys, e.keyId, LABEL, exportSealed(e), e.seal) === true;
}

export function toExportView(keys: AuditKeys, e: ExportDoc): ExportView {
  return {
    id: e._id,
    by: { id: e.by, name: e.byName },
    at: e.at,
    filters: {
      groups: e.filters.groups,
      allInScope: e.filters.allInScope,
      from: e.filters.from,
      to: e.filters.to,
      kinds: e.filters.kinds ? e.filters.kinds.map((kind) => ({ kind, label: CASE_KIND_LABELS[kind] })) : null,
    },
    rows: e.rows,
    fileName: e.fileName,
    fileSha256: e.fileSha256,
    contentSha256: e.contentSha256,
    intact: exportIntact(keys, e),
  };
}
