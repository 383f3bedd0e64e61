// reports.export, reports.exports, reports.verifyExport: the audited Excel export (R16). An export
// reads its selection in one round trip (counting first: past the limit nothing is read), builds the
// workbook here, stores it (cloud storage on WeChat, disk locally), and records itself — who, the
// filters, the row counts, the file's SHA-256 and the data checksum — as a sealed record in one
// conditional insert keyed by the exporter and their requestId, so a retry answers the same export.
import { createHash } from 'node:crypto';
import {
  EXPORT_HISTORY_ROWS_MAX,
  EXPORT_LINK_TTL_MINUTES,
  fail,
  ok,
  type ActionInput,
  type ExportResult,
  type ExportVerification,
  type ExportView,
  type Page,
  type Result,
} from '../../contract';
import type { ExportDoc } from '../../core/model';
import { dateOfDay, dayOfDate, startOfDay } from '../../core/report-facts';
import { formatShanghai } from '../../core/time';
import { rolesIn, type HandlerCtx } from '../context';
import { checkpointsCovering } from '../reads/audit';
import { aboutSheet, writeExport, XLSX_CONTENT_TYPE } from '../reads/export-workbook';
import { exportIdOf, exportIntact, sealExport, toExportView } from '../reads/exports';
import { checkOwnFiles } from '../reads/files';
import { reportScope } from './reports';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const LINK_TTL_MS = EXPORT_LINK_TTL_MINUTES * 60_000;

/** A real calendar date ('2026-02-30' is not one). */
const validDate = (d: string) => dateOfDay(dayOfDate(d)) === d;

async function withLink(ctx: HandlerCtx, e: ExportDoc, repeated: boolean): Promise<ExportResult> {
  const expiresAt = ctx.now + LINK_TTL_MS;
  const url = await ctx.deps.files.link(e.fileId, expiresAt);
  return { ...toExportView(ctx.deps.audit, e), url, expiresAt, repeated };
}

export async function reportsExport(ctx: HandlerCtx, input: ActionInput<'reports.export'>): Promise<Result<ExportResult>> {
  const { deps, actor, now } = ctx;
  if (!validDate(input.from) || !validDate(input.to)) return fail('DATE_INVALID', '日期不正确，请重新选择');
  if (input.from > input.to) return fail('DATE_INVALID', '开始日期不能晚于结束日期');
  // The same scope as the reports' figures (and as cases): the owner everything, an admin or leader their groups, a head their departments'.
  const scope = reportScope(actor);
  if (!scope) return fail('NO_REPORT_SCOPE');
  const kinds = input.kinds ? [...new Set(input.kinds)] : null;
  const groupIds = input.groupIds ? [...new Set(input.groupIds)] : undefined;
  const exportId = exportIdOf(actor.person._id, input.requestId);
  const fromDay = dayOfDate(input.from);
  const toDay = dayOfDate(input.to);

  const src = await deps.store.getExportSource({ exportId, scope, groupIds, fromDay, toDay, kinds, maxHistory: EXPORT_HISTORY_ROWS_MAX });
  if (src.existing) return ok(await withLink(ctx, src.existing, true));
  const inScope = new Map(src.groups.map((g) => [g._id, g]));
  if (groupIds && !groupIds.every((id) => inScope.has(id))) return fail('GROUP_NOT_IN_SCOPE');
  if (!src.cases) {
    return fail(
      'EXPORT_TOO_LARGE',
      `所选范围有 ${src.count.history.toLocaleString('en-US')} 条以上处理记录，超过单次导出上限 ${EXPORT_HISTORY_ROWS_MAX.toLocaleString('en-US')} 条。请缩短时间段，或减少群和事项种类后分次导出。`,
    );
  }

  const exported = groupIds ? groupIds.map((id) => inScope.get(id)!) : src.groups;
  const filters: ExportDoc['filters'] = {
    groups: exported.map((g) => ({ id: g._id, name: g.name })),
    allInScope: !groupIds,
    from: input.from,
    to: input.to,
    kinds,
  };
  // The rows are made from the cases as they are written, and each case goes once written (xlsx-stream.ts:
  // memory at 100,000 rows); 说明 from what was written.
  const { bytes, rows, contentSha256 } = await writeExport(
    { cases: src.cases, people: src.people, groups: src.groups, reader: { id: actor.person._id, rolesIn: (groupId) => rolesIn(actor, groupId) }, now },
    (written) =>
      aboutSheet({
        exportId,
        byName: actor.person.name,
        at: now,
        groups: filters.groups.map((g) => g.name),
        allInScope: filters.allInScope,
        from: input.from,
        to: input.to,
        kinds,
        ...written.rows,
        contentSha256: written.contentSha256,
        checkpoints: checkpointsCovering(src.checkpoints, startOfDay(fromDay), startOfDay(toDay + 1) - 1),
      }),
  );
  const fileSha256 = sha256(bytes);
  const fileName = `群务导出_${input.from}_${input.to}_${exportId.slice(3, 11)}.xlsx`;
  // The path carries the file's own hash: two exports racing on one requestId never overwrite each other's file.
  const fileId = await deps.files.put({ path: `exports/${exportId}/${fileSha256.slice(0, 16)}.xlsx`, name: fileName, bytes, contentType: XLSX_CONTENT_TYPE, by: actor.person._id, at: now });

  const record = sealExport(deps.audit, {
    _id: exportId,
    requestId: input.requestId,
    by: actor.person._id,
    byName: actor.person.name,
    at: now,
    filters,
    rows,
    fileId,
    fileName,
    fileSize: bytes.length,
    fileSha256,
    contentSha256,
  });
  if (!(await deps.store.insertExport(record))) {
    // The same requestId was exported at the same moment: that export stands, this file goes.
    const winner = await deps.store.getExport(exportId);
    await deps.files.remove(fileId).catch(() => undefined);
    if (!winner) return fail('CONFLICT');
    return ok(await withLink(ctx, winner, true));
  }
  return ok(await withLink(ctx, record, false));
}

export async function reportsExports(ctx: HandlerCtx, input: ActionInput<'reports.exports'>): Promise<Result<Page<ExportView>>> {
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 20;
  const page = await ctx.deps.store.listExports({ offset, limit });
  return ok({ items: page.items.map((e) => toExportView(ctx.deps.audit, e)), total: page.total, offset, limit });
}

export async function reportsVerifyExport(ctx: HandlerCtx, input: ActionInput<'reports.verifyExport'>): Promise<Result<ExportVerification>> {
  let sha: string;
  if (input.fileId) {
    // A copy of the workbook the owner uploaded: hashed here, from the stored bytes.
    const own = await checkOwnFiles(ctx, [input.fileId], { missing: 'FILE_INVALID' });
    if (!Array.isArray(own)) return own;
    const bytes = await ctx.deps.files.read(input.fileId);
    if (!bytes) return fail('FILE_INVALID');
    sha = sha256(bytes);
  } else {
    sha = input.sha256!.toLowerCase();
  }
  const found = await ctx.deps.store.findExportsBySha256(sha);
  // A record slipped in with someone else's checksum has no valid seal: an intact match comes first.
  const e = found.find((x) => exportIntact(ctx.deps.audit, x)) ?? found[0];
  if (!e) {
    return ok({
      match: false,
      matchedBy: null,
      sha256: sha,
      export: null,
      message: input.fileId
        ? '导出记录中没有这个文件：它不是本系统导出的原始文件，或导出后被修改过（用 Excel 另存也会改变文件）。可改为输入文件「说明」表中的数据校验值核对内容。'
        : '导出记录中没有这个校验值：它不属于本系统导出的任何文件，或文件内容已被修改。',
    });
  }
  const view = toExportView(ctx.deps.audit, e);
  const matchedBy = e.fileSha256 === sha ? 'file' : 'content';
  const what = matchedBy === 'file' ? '文件与导出时完全一致' : '数据内容与导出时一致';
  const message = view.intact
    ? `${what}：由 ${e.byName} 于 ${formatShanghai(e.at, 'YYYY-MM-DD HH:mm')} 导出（导出编号 ${e._id}）。`
    : `校验值与导出记录 ${e._id} 相符，但该导出记录的封印不符：记录在数据库中被改动过，不能作为依据。`;
  return ok({ match: true, matchedBy, sha256: sha, export: view, message });
}
