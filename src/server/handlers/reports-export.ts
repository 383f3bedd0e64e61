// reports.export, reports.exports, reports.verifyExport: the audited Excel export (R16).
import { fail, type ActionInput, type ExportResult, type ExportVerification, type ExportView, type Page, type Result } from '../../contract';
import type { HandlerCtx } from '../context';

// Being written (issue 17): the contract is committed first so the reports pages can call it.
export async function reportsExport(_ctx: HandlerCtx, _input: ActionInput<'reports.export'>): Promise<Result<ExportResult>> {
  return fail('INTERNAL');
}
export async function reportsExports(_ctx: HandlerCtx, _input: ActionInput<'reports.exports'>): Promise<Result<Page<ExportView>>> {
  return fail('INTERNAL');
}
export async function reportsVerifyExport(_ctx: HandlerCtx, _input: ActionInput<'reports.verifyExport'>): Promise<Result<ExportVerification>> {
  return fail('INTERNAL');
}
