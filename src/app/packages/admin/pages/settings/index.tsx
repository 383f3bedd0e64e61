// The owner's settings: above all the working-day calendar. The holiday library knows official
// holidays and 调休 only up to some year; after that the owner enters them and confirms the year.
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CalendarOverrides, Failure, SettingsView } from '../../../../../contract';
import { call } from '../../../../api';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { RemoteView } from '../../../../components/RemoteView';
import { useRemote } from '../../../../hooks/useRemote';
import { formatDateTime, isIsoDate } from '../../../../lib/time';

const loadSettings = () => call('settings.get', {});

export default function SettingsPage() {
  const remote = useRemote(loadSettings);
  return (
    <View className="qw-page">
      <RemoteView remote={remote}>{(view) => <CalendarForm view={view} onSaved={remote.replace} />}</RemoteView>
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
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
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

  async function save() {
    setBusy(true);
    setFailure(null);
    const r = await call('settings.update', { values: { ...view.values, calendar, membership }, expectedVersion: view.version });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    setCalendar(r.data.values.calendar);
    setMembership(r.data.values.membership);
    onSaved(r.data);
    void Taro.showToast({ title: '已保存', icon: 'success' });
  }

  return (
    <>
      {view.calendar.warning ? <View className="qw-notice qw-notice--strong">{view.calendar.warning}</View> : null}
      {pendingYears.length ? (
        <View className="qw-notice">
          {`${pendingYears.join('、')} 年的法定节假日和调休尚未确认：这些年份的处理期限只按周末计算，可能不准确。请录入当年放假安排后确认。`}
        </View>
      ) : null}

      <View className="qw-card">
        <View className="qw-section-title">工作日历</View>
        <Text className="qw-hint">{`内置节假日数据覆盖：${yearsText(view.calendar.officialYears)}`}</Text>
        <View className="qw-label">日期（YYYY-MM-DD）</View>
        <Input className="qw-input" value={date} maxlength={10} placeholder="2027-01-01" onInput={(e) => setDate(e.detail.value)} />
        {dateError ? <View className="qw-issues__item">{dateError}</View> : null}
        <View className="qw-row qw-row--actions">
          <Button className="qw-btn qw-btn--ghost qw-btn--small" onClick={() => addDate('workdays')}>
            加为调休上班日
          </Button>
          <Button className="qw-btn qw-btn--primary qw-btn--small" onClick={() => addDate('holidays')}>
            加为休息日
          </Button>
        </View>
        <DateList title="额外休息日" dates={calendar.holidays} onRemove={(d) => remove('holidays', d)} />
        <DateList title="调休上班日" dates={calendar.workdays} onRemove={(d) => remove('workdays', d)} />
      </View>

      <View className="qw-card">
        <View className="qw-section-title">确认年份</View>
        <Text className="qw-hint">录入某年全部放假和调休安排后，确认该年份；确认后该年的期限不再标注“节假日未确认”。</Text>
        {[...new Set([...view.calendar.unconfirmedYears, ...calendar.confirmedYears])].sort().map((y) => (
          <View className="qw-list-item" key={y}>
            <Text>{`${y} 年`}</Text>
            <Button
              className={`qw-btn qw-btn--small ${calendar.confirmedYears.includes(y) ? 'qw-btn--ghost' : 'qw-btn--primary'}`}
              onClick={() => toggleYear(y)}
            >
              {calendar.confirmedYears.includes(y) ? '已确认（点此取消）' : '确认已录入'}
            </Button>
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
      <Button className="qw-btn qw-btn--primary qw-btn--block" disabled={!dirty || busy} onClick={() => void save()}>
        保存设置
      </Button>
      <Text className="qw-hint">
        {`当前版本 v${view.version}，更新于 ${formatDateTime(view.updatedAt)}。修改只对之后新建的事项生效。`}
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
