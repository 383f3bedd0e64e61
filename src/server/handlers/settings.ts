import dayjs from 'dayjs';
import { fail, ok, type ActionInput, type Result, type SettingsView } from '../../contract';
import { checkTemplateFields, TEMPLATE_PURPOSE_LABELS } from '../../contract/template-keywords';
import { calendarStatus } from '../../core/calendar';
import type { SettingsDoc } from '../../core/model';
import type { HandlerCtx } from '../context';
import { currentSettings, forgetCurrentSettings } from '../reads/settings';

function toView(doc: SettingsDoc, now: number): SettingsView {
  return {
    version: doc.version,
    values: doc.values,
    updatedAt: doc.updatedAt,
    updatedBy: doc.updatedBy,
    calendar: calendarStatus(now, doc.values.calendar),
  };
}

export async function settingsGet(ctx: HandlerCtx): Promise<Result<SettingsView>> {
  forgetCurrentSettings(ctx.deps.store);
  return ok(toView(await currentSettings(ctx.deps.store), ctx.now));
}

/** A change is a new version: cases keep the version they were opened under. */
export async function settingsUpdate(ctx: HandlerCtx, input: ActionInput<'settings.update'>): Promise<Result<SettingsView>> {
  const { store } = ctx.deps;
  // The owner edits what is really current, not a cached copy.
  forgetCurrentSettings(store);
  const current = await currentSettings(store);
  if (input.expectedVersion !== current.version) return fail('CONFLICT', '设置已被他人修改，请刷新后再改');
  const cal = input.values.calendar;
  const bad = [...cal.holidays, ...cal.workdays].find((d) => !dayjs(d).isValid() || dayjs(d).format('YYYY-MM-DD') !== d);
  if (bad) return fail('SETTINGS_INVALID', `日期“${bad}”不存在，请检查`);
  if (input.values.access.defaultDays > input.values.access.maxDays) return fail('SETTINGS_INVALID', '查阅授权的默认有效期不能超过最长有效期');
  const both = cal.holidays.find((d) => cal.workdays.includes(d));
  if (both) return fail('SETTINGS_INVALID', `日期“${both}”不能同时是放假日和上班日`);
  // A mapping WeChat would refuse (47003) is caught here, not at the first message.
  for (const [purpose, fields] of Object.entries(input.values.templateFields)) {
    if (!Object.prototype.hasOwnProperty.call(input.values.templates, purpose)) return fail('SETTINGS_INVALID', `没有“${purpose}”这种提醒`);
    const problem = checkTemplateFields(fields);
    if (problem) return fail('SETTINGS_INVALID', `${TEMPLATE_PURPOSE_LABELS[purpose] ?? purpose}模板：${problem}`);
  }
  const doc: SettingsDoc = {
    _id: `v${current.version + 1}`,
    version: current.version + 1,
    values: {
      ...input.values,
      calendar: {
        holidays: [...new Set(cal.holidays)].sort(),
        workdays: [...new Set(cal.workdays)].sort(),
        confirmedYears: [...new Set(cal.confirmedYears)].sort(),
      },
    },
    updatedAt: ctx.now,
    updatedBy: ctx.actor.person._id,
  };
  forgetCurrentSettings(store);
  if (!(await store.insertSettings(doc))) return fail('CONFLICT', '设置已被他人修改，请刷新后再改');
  return ok(toView(doc, ctx.now));
}
