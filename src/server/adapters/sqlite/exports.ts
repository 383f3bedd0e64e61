// Audited exports on SQLite: the export's selection is one range of the report facts' opening day
// (index report_opened: rpOpenDay, kind, groupId), counted before any case body is parsed beyond its
// history's length, and read only when the count is within the limit.
import type { Case, CheckpointDoc, ExportDoc, Group, Person } from '../../../core/model';
import { docToCase, type StoredCase } from '../../collections';
import type { ExportQuery, ExportSource, Store } from '../../ports';
import { peopleNamed } from '../export-source';
import { col as c, type Collection } from './schema';

interface Collections {
  cases: Collection<StoredCase>;
  groups: Collection<Group>;
  people: Collection<Person>;
  checkpoints: Collection<CheckpointDoc>;
  exportsColl: Collection<ExportDoc>;
}

const marks = (n: number) => Array(n).fill('?').join(', ');

export function sqliteExports(k: Collections): Pick<Store, 'getExportSource' | 'insertExport' | 'getExport' | 'listExports' | 'findExportsBySha256'> {
  const { cases, groups, people, checkpoints, exportsColl } = k;

  function scopeGroups(q: ExportQuery): Group[] {
    if (q.scope.all) return groups.where('1', [], `ORDER BY ${c('name')}, _id`);
    const { groupIds, deptIds } = q.scope;
    if (!groupIds.length && !deptIds.length) return [];
    return groups.where(
      `_id IN (${marks(groupIds.length) || 'NULL'}) OR ${c('deptId')} IN (${marks(deptIds.length) || 'NULL'})`,
      [...groupIds, ...deptIds],
      `ORDER BY ${c('name')}, _id`,
    );
  }

  return {
    async getExportSource(q): Promise<ExportSource> {
      const existing = exportsColl.get(q.exportId);
      const none = { count: { cases: 0, history: 0 }, cases: null, people: [], checkpoints: [] };
      if (existing) return { existing, groups: [], ...none };
      const scoped = scopeGroups(q);
      const inScope = new Set(scoped.map((g) => g._id));
      if (q.groupIds && !q.groupIds.every((id) => inScope.has(id))) return { existing: null, groups: scoped, ...none };
      // The owner's whole scope has no group filter: cases of no group (a departure) come too.
      const ids = q.groupIds ?? (q.scope.all ? null : [...inScope]);
      if (ids && !ids.length) return { existing: null, groups: scoped, ...none };
      let where = `${c('rpOpenDay')} BETWEEN ? AND ?`;
      const params: unknown[] = [q.fromDay, q.toDay];
      if (q.kinds) {
        where += ` AND ${c('kind')} IN (${marks(q.kinds.length)})`;
        params.push(...q.kinds);
      }
      if (ids) {
        where += ` AND ${c('groupId')} IN (${marks(ids.length)})`;
        params.push(...ids);
      }
      const counted = cases.stmt(`SELECT COUNT(*) AS n, COALESCE(SUM(json_array_length(doc, '$.history')), 0) AS h FROM cases WHERE ${where}`).get(...params) as { n: number; h: number };
      const count = { cases: counted.n, history: counted.h };
      if (count.history > q.maxHistory) return { existing: null, groups: scoped, count, cases: null, people: [], checkpoints: [] };
      // One row at a time: 20,000 documents' JSON never sits in memory all at once.
      const selected: Case[] = [];
      const rows = cases.stmt(`SELECT doc FROM cases WHERE ${where} ORDER BY ${c('createdAt')}, _id`).iterate(...params) as Iterable<{ doc: string }>;
      for (const row of rows) selected.push(docToCase(JSON.parse(row.doc) as object));
      return {
        existing: null,
        groups: scoped,
        count,
        cases: selected,
        people: people.getMany(peopleNamed(selected)),
        checkpoints: checkpoints.where('1', [], `ORDER BY ${c('seq')}`),
      };
    },
    async insertExport(e) {
      return exportsColl.insert(e);
    },
    async getExport(id) {
      return exportsColl.get(id);
    },
    async listExports(page) {
      const limit = Math.max(0, Math.floor(page.limit));
      const offset = Math.max(0, Math.floor(page.offset));
      return {
        items: exportsColl.where('1', [limit, offset], `ORDER BY ${c('at')} DESC, _id DESC LIMIT ? OFFSET ?`),
        total: exportsColl.count('1', []),
      };
    },
    async findExportsBySha256(sha256) {
      return exportsColl.where(`${c('fileSha256')} = ? OR ${c('contentSha256')} = ?`, [sha256, sha256], `ORDER BY ${c('at')} DESC, _id DESC`);
    },
  };
}
