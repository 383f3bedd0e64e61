// The owner's settings: above all the working-day calendar. The holiday library knows official
// holidays and 调休 only up to some year; after that the owner enters them and confirms the year.
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import { useState } from 'react';
import { TEMPLATE_SOURCES, type CalendarOverrides, type SettingsView, type TemplatePurpose } from '../../../../../contract';
import { formatTemplateFields, keywordType, parseTemplateFields, TEMPLATE_PURPOSE_LABELS, TEMPLATE_SOURCE_LABELS, templateFieldsFor } from '../../../../../contract/template-keywords';
import { call } from '../../../../api';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { AuditPanel, LimitsForm } from '../../components/AuditPanel';
import { RespondSettingsForm } from '../../components/RespondSettingsForm';
import { useSettingsSave } from '../../hooks/useSettingsSave';
import { inRange, SettingField } from '../../components/SettingField';
import { RemoteView } from '../../../../components/RemoteView';
import { useRemote } from '../../../../hooks/useRemote';
import { formatDateTime, isIsoDate } from '../../../../lib/time';

const loadSettings = () => call('settings.get', {});

export default function SettingsPage() {
  const remote = useRemote(loadSettings);
  return (
    <View className="qw-page">
      <RemoteView remote={remote}>
        {(view) => (
          <>
            <CalendarForm key={`c${view.version}`} view={view} onSaved={remote.replace} />
            <RecordsForm key={`r${view.version}`} view={view} onSaved={remote.replace} />
            <ViolationRulesForm key={`v${view.version}`} view={view} onSaved={remote.replace} />
            <RespondSettingsForm key={`e${view.version}`} view={view} onSaved={remote.replace} />
            <TemplatesForm key={`t${view.version}`} view={view} onSaved={remote.replace} />
            <LimitsForm key={`l${view.version}`} view={view} onSaved={remote.replace} />
            <AuditPanel />
          </>
        )}
      </RemoteView>
    </View>
  );
}

const MEMBERSHIP_FIELDS: [keyof SettingsView['values']['membership'], string][] = [
  ['invitationHours', '邀请卡片有效期（小时）'],
  ['onboardDays', '新员工入群期限（工作日）'],
  ['offboardDays', '离职移出期限（工作日）'],
  ['escalateAfterDays', '超期提醒后报领导（工作日）'],
  ['guestApproveDays', '外部人员审批期限（工作日）'],
  ['guestMaxDays', '外部人员最长在群（天）'],
  ['adminChangeDays', '管理员变更审批期限（工作日）'],
  ['nominationDays', '选举提名期（工作日）'],
  ['votingDays', '选举投票期（工作日）'],
];

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const weekdayOf = (date: string) => WEEKDAY[new Date(`${date}T00:00:00Z`).getUTCDay()];

function CalendarForm({ view, onSaved }: { view: SettingsView; onSaved: (v: SettingsView) => void }) {
  const [calendar, setCalendar] = useState<CalendarOverrides>(view.values.calendar);
  const [membership, setMembership] = useState(view.values.membership);
  const [date, setDate] = useState('');
  const [dateError, setDateError] = useState('');
  const { busy, failure, save: send } = useSettingsSave(view, (saved) => {
    setCalendar(saved.values.calendar);
    setMembership(saved.values.membership);
    onSaved(saved);
  });
  const dirty = JSON.stringify({ calendar, membership }) !== JSON.stringify({ calendar: view.values.calendar, membership: view.values.membership });
  const pendingYears = view.calendar.unconfirmedYears.filter((y) => !calendar.confirmedYears.includes(y));

  function addDate(kind: 'holidays' | 'workdays') {
    const d = date.trim();
    if (!isIsoDate(d)) return setDateError('请按 2027-01-01 的格式填写日期');
    const other = kind === 'holidays' ? 'workdays' : 'holidays';
    setCalendar((c) => ({
      ...c,
      [kind]: [...new Set([...c[kind], d])].sort(),
      [other]: c[other].filter((x) => x !== d), // one day cannot be both
    }));
    setDate('');
    setDateError('');
  }

  const remove = (kind: 'holidays' | 'workdays', d: string) =>
    setCalendar((c) => ({ ...c, [kind]: c[kind].filter((x) => x !== d) }));
  const toggleYear = (y: number) =>
    setCalendar((c) => ({
      ...c,
      confirmedYears: c.confirmedYears.includes(y) ? c.confirmedYears.filter((x) => x !== y) : [...c.confirmedYears, y].sort(),
    }));

  const save = () => send({ ...view.values, calendar, membership });

  return (
    <>
      {view.calendar.warning ? <View className="qw-notice qw-notice--strong">{view.calendar.warning}</View> : null}
      <View className="qw-card">
        <View className="qw-section-title">节假日调整</View>
        <Text className="qw-hint">{`内置节假日数据覆盖：${yearsText(view.calendar.officialYears)}`}</Text>
        <View className="qw-label">日期（YYYY-MM-DD）</View>
        <Input className="qw-input" value={date} maxlength={10} placeholder="2027-01-01" onInput={(e) => setDate(e.detail.value)} />
        {dateError ? <View className="qw-issues__item">{dateError}</View> : null}
        <View className="qw-row qw-row--actions">
          <Btn kind="ghost" small onClick={() => addDate('workdays')}>
            加为调休上班日
          </Btn>
          <Btn small onClick={() => addDate('holidays')}>
            加为休息日
          </Btn>
        </View>
        <DateList title="额外休息日" dates={calendar.holidays} onRemove={(d) => remove('holidays', d)} />
        <DateList title="调休上班日" dates={calendar.workdays} onRemove={(d) => remove('workdays', d)} />
      </View>

      <View className="qw-card">
        <View className="qw-section-title">确认年份</View>
        <Text className="qw-hint">录入某年全部放假和调休安排后，确认该年份；确认后该年的期限不再标注“节假日未确认”。</Text>
        {pendingYears.length ? (
          <View className="qw-notice">{`${pendingYears.join('、')} 年尚未确认：这些年份的处理期限只按周末计算，可能不准确。`}</View>
        ) : null}
        {[...new Set([...view.calendar.unconfirmedYears, ...calendar.confirmedYears])].sort().map((y) => (
          <View className="qw-list-item" key={y}>
            <Text>{`${y} 年`}</Text>
            <Btn kind={calendar.confirmedYears.includes(y) ? 'ghost' : 'primary'} small onClick={() => toggleYear(y)}>
              {calendar.confirmedYears.includes(y) ? '已确认（点此取消）' : '确认已录入'}
            </Btn>
          </View>
        ))}
      </View>

      <View className="qw-card">
        <View className="qw-section-title">入群、离群与管理员</View>
        {MEMBERSHIP_FIELDS.map(([key, label]) => (
          <View className="qw-list-item" key={key}>
            <Text>{label}</Text>
            <Input
              className="qw-input qw-input--number"
              type="number"
              value={String(membership[key])}
              onInput={(e) => setMembership((m) => ({ ...m, [key]: Number(e.detail.value) || 0 }))}
            />
          </View>
        ))}
      </View>

      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn block disabled={!dirty || busy} onClick={() => void save()}>
        保存设置
      </Btn>
      <Text className="qw-hint">
        {`当前版本 v${view.version}${view.updatedAt ? `，更新于 ${formatDateTime(view.updatedAt)}` : ''}。修改只对之后新建的事项生效。`}
      </Text>
    </>
  );
}

function DateList({ title, dates, onRemove }: { title: string; dates: string[]; onRemove: (d: string) => void }) {
  return (
    <View>
      <View className="qw-label">{`${title}（${dates.length}）`}</View>
      {dates.length ? (
        dates.map((d) => (
          <View className="qw-list-item" key={d}>
            <Text>{`${d} ${weekdayOf(d)}`}</Text>
            <Text className="qw-link" onClick={() => onRemove(d)}>
              删除
            </Text>
          </View>
        ))
      ) : (
        <View className="qw-muted">无</View>
      )}
    </View>
  );
}

function yearsText(years: number[]): string {
  if (!years.length) return '无';
  const sorted = [...years].sort((a, b) => a - b);
  return `${sorted[0]}–${sorted[sorted.length - 1]} 年`;
}

type RecordsValues = Pick<SettingsView['values'], 'backup' | 'access'>;
const RECORD_FIELDS: { section: keyof RecordsValues; key: string; label: string; min: number; max: number }[] = [
  { section: 'backup', key: 'periodMonths', label: '备份周期（月）', min: 1, max: 12 },
  { section: 'backup', key: 'overdueWorkingDays', label: '逾期几个工作日后报上级领导', min: 1, max: 60 },
  { section: 'access', key: 'adminDays', label: '查阅申请的审批期限（工作日）', min: 1, max: 60 },
  { section: 'access', key: 'defaultDays', label: '查阅授权默认有效期（天）', min: 1, max: 365 },
  { section: 'access', key: 'maxDays', label: '查阅授权最长有效期（天）', min: 1, max: 365 },
  { section: 'access', key: 'linkTtlMinutes', label: '每个下载链接的有效时间（分钟）', min: 1, max: 60 },
];

/** §6: how often backups are due, and how long record access and its links last. */
function RecordsForm({ view, onSaved }: { view: SettingsView; onSaved: (v: SettingsView) => void }) {
  const initial = () => Object.fromEntries(RECORD_FIELDS.map((f) => [`${f.section}.${f.key}`, String((view.values[f.section] as Record<string, number>)[f.key])]));
  const [fields, setFields] = useState<Record<string, string>>(initial);
  const { busy, failure, save: send } = useSettingsSave(view, onSaved);
  const bad = RECORD_FIELDS.filter((f) => !inRange(fields[`${f.section}.${f.key}`], f.min, f.max));
  const num = (k: string) => Number(fields[k]);
  const orderBad = num('access.defaultDays') > num('access.maxDays');
  const dirty = JSON.stringify(fields) !== JSON.stringify(initial());

  const save = () =>
    send({
      ...view.values,
      backup: { periodMonths: num('backup.periodMonths'), overdueWorkingDays: num('backup.overdueWorkingDays') },
      access: { adminDays: num('access.adminDays'), defaultDays: num('access.defaultDays'), maxDays: num('access.maxDays'), linkTtlMinutes: num('access.linkTtlMinutes') },
    });

  return (
    <View className="qw-card">
      <View className="qw-section-title">聊天记录备份与查阅</View>
      {RECORD_FIELDS.map((f) => {
        const k = `${f.section}.${f.key}`;
        return <SettingField key={k} label={f.label} range={f} value={fields[k]} onInput={(v) => setFields((x) => ({ ...x, [k]: v }))} />;
      })}
      {orderBad ? <View className="qw-issues__item">默认有效期不能超过最长有效期</View> : null}
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn block disabled={!dirty || busy || bad.length > 0 || orderBad} onClick={() => void save()}>
        保存
      </Btn>
    </View>
  );
}

type ViolationRules = SettingsView['values']['violation'];
const NUMBER_FIELDS: [keyof ViolationRules, string][] = [
  ['appealDays', '申诉期限 X₁（工作日）'],
  ['answerDays', '管理员答复期限 X₂（工作日）'],
  ['escalateDays', '向领导申诉期限 X₃（工作日）'],
  ['remindAfterDays', '催办后报领导（工作日）'],
  ['removalDays', '移出（或重新拉回）群成员期限（工作日）'],
  ['repeatCount', '多次违规：次数（含本次）'],
  ['windowDays', '多次违规：统计天数（自然日）'],
];

/** §7: the X values of the appeal, the ladder's repeat rule and the six categories. */
function ViolationRulesForm({ view, onSaved }: { view: SettingsView; onSaved: (v: SettingsView) => void }) {
  const saved = view.values.violation;
  const [numbers, setNumbers] = useState<Record<string, string>>(Object.fromEntries(NUMBER_FIELDS.map(([k]) => [k, String(saved[k])])));
  const [categories, setCategories] = useState(saved.categories.join('\n'));
  const { busy, failure, save: send } = useSettingsSave(view, onSaved);

  function save() {
    const values = Object.fromEntries(NUMBER_FIELDS.map(([k]) => [k, Number(numbers[k])]));
    const list = categories.split('\n').map((c) => c.trim()).filter(Boolean);
    const violation = { ...saved, ...values, categories: [...new Set(list)] } as ViolationRules;
    return send({ ...view.values, violation });
  }

  return (
    <View className="qw-card">
      <View className="qw-section-title">违规处理与申诉</View>
      {NUMBER_FIELDS.map(([k, label]) => (
        <SettingField key={k} label={label} value={numbers[k]} onInput={(v) => setNumbers((n) => ({ ...n, [k]: v }))} />
      ))}
      <View className="qw-label">违规类别（每行一个）</View>
      <Textarea className="qw-textarea" value={categories} maxlength={600} onInput={(e) => setCategories(e.detail.value)} />
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn block disabled={busy} onClick={() => void save()}>
        保存违规处理设置
      </Btn>
      <Text className="qw-hint">修改只对之后新建的违规事项生效；已立案的事项按立案时的设置计算期限。</Text>
    </View>
  );
}

/**
 * Subscription templates: each purpose's template id and which of our values fills which of its
 * keywords. WeChat refuses a message whose keys or values do not fit the template (47003), so the
 * mapping is checked here, keyword by keyword, before it can be saved.
 */
function TemplatesForm({ view, onSaved }: { view: SettingsView; onSaved: (v: SettingsView) => void }) {
  const purposes = Object.keys(view.values.templates) as TemplatePurpose[];
  const initial = () =>
    Object.fromEntries(purposes.map((p) => [p, { id: view.values.templates[p], fields: formatTemplateFields(templateFieldsFor(view.values, p)) }]));
  const [rows, setRows] = useState<Record<string, { id: string; fields: string }>>(initial);
  const { busy, failure, save: send } = useSettingsSave(view, onSaved);
  const parsed = Object.fromEntries(purposes.map((p) => [p, parseTemplateFields(rows[p].fields)]));
  const invalid = purposes.some((p) => !parsed[p].ok);
  const dirty = JSON.stringify(rows) !== JSON.stringify(initial());
  const set = (p: string, patch: Partial<{ id: string; fields: string }>) => setRows((r) => ({ ...r, [p]: { ...r[p], ...patch } }));

  function save() {
    const templateFields = Object.fromEntries(purposes.flatMap((p) => (parsed[p].ok ? [[p, parsed[p].fields]] : [])));
    const templates = Object.fromEntries(purposes.map((p) => [p, rows[p].id.trim()])) as SettingsView['values']['templates'];
    return send({ ...view.values, templates, templateFields });
  }

  return (
    <View className="qw-card" data-testid="templates-form">
      <View className="qw-section-title">订阅消息模板</View>
      <Text className="qw-hint">
        在小程序后台“订阅消息”里选用模板后，填入模板 ID，并按模板详情写出每个关键词填什么，例如 thing1=事项，time2=时间。可填：
        {TEMPLATE_SOURCES.map((s) => TEMPLATE_SOURCE_LABELS[s]).join('、')}。
      </Text>
      {purposes.map((p) => {
        const check = parsed[p];
        return (
          <View key={p} data-purpose={p}>
            <View className="qw-label">{`${TEMPLATE_PURPOSE_LABELS[p] ?? p}：模板 ID`}</View>
            <Input className="qw-input" value={rows[p].id} maxlength={64} onInput={(e) => set(p, { id: e.detail.value })} />
            <View className="qw-label">关键词</View>
            <Input className={`qw-input ${check.ok ? '' : 'qw-input--invalid'}`} value={rows[p].fields} maxlength={200} onInput={(e) => set(p, { fields: e.detail.value })} />
            {check.ok ? (
              check.fields.map((f) => {
                const t = keywordType(f.key)!;
                return <View className="qw-hint" key={f.key}>{`${f.key}（${t.label}，${t.limit}）← ${TEMPLATE_SOURCE_LABELS[f.source]}`}</View>;
              })
            ) : (
              <View className="qw-issues__item">{check.message}</View>
            )}
          </View>
        );
      })}
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn block disabled={!dirty || busy || invalid} onClick={() => void save()}>
        保存模板设置
      </Btn>
    </View>
  );
}
