// 导出: cases and their handling records as an Excel file, for the groups, period and kinds picked.
// The export is itself recorded (导出记录); the page shows the link, the row counts and the SHA-256.
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { CASE_KIND_LABELS, CASE_KINDS, type CaseKind, type ExportResult, type Failure } from '../../../../../contract';
import { call, isH5 } from '../../../../api';
import { Btn } from '../../../../components/Btn';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { newRequestId } from '../../../../lib/ids';
import { formatDateTime, isIsoDate } from '../../../../lib/time';
import { PERIOD_LABELS, presetPeriod, type PeriodPreset } from '../../lib/periods';
import '../../reports.scss';

const PRESETS: PeriodPreset[] = ['lastMonth', 'month', 'months3', 'custom'];

/** Multi-pick chips: none picked means all. */
function PickMany<T extends string>({ all, choices, value, onChange }: { all: string; choices: { value: T; label: string }[]; value: T[]; onChange: (v: T[]) => void }) {
  return (
    <View className="qw-row qw-chips">
      <View className={`qw-chip${value.length ? '' : ' qw-chip--on'}`} onClick={() => onChange([])}>
        {all}
      </View>
      {choices.map((c) => {
        const on = value.includes(c.value);
        return (
          <View key={c.value} className={`qw-chip${on ? ' qw-chip--on' : ''}`} onClick={() => onChange(on ? value.filter((v) => v !== c.value) : [...value, c.value])}>
            {c.label}
          </View>
        );
      })}
    </View>
  );
}

export default function ExportPage() {
  const [scope, setScope] = useState<{ id: string; name: string }[]>([]);
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [preset, setPreset] = useState<PeriodPreset>('lastMonth');
  const [from, setFrom] = useState(() => presetPeriod('lastMonth').from);
  const [to, setTo] = useState(() => presetPeriod('lastMonth').to);
  const [kinds, setKinds] = useState<CaseKind[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);

  // The groups in the caller's scope, as the report names them (this month's overview, all groups).
  useEffect(() => {
    void call('reports.overview', { ...presetPeriod('month'), bucket: 'month' }).then((r) => (r.ok ? setScope(r.data.groups) : setFailure(r)));
  }, []);

  // One request id per set of filters: a retried tap answers the same export, a change makes a new one.
  const filters = `${groupIds.join(',')}|${from}|${to}|${kinds.join(',')}`;
  const requestId = useMemo(() => newRequestId(), [filters]);
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;

  function pickPreset(p: PeriodPreset) {
    setPreset(p);
    if (p === 'custom') return;
    const period = presetPeriod(p);
    setFrom(period.from);
    setTo(period.to);
  }

  async function exportNow() {
    if (busy || !valid) return;
    setBusy(true);
    setFailure(null);
    const r = await call('reports.export', { from, to, requestId, ...(groupIds.length ? { groupIds } : {}), ...(kinds.length ? { kinds } : {}) });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    setResult(r.data);
  }

  return (
    <View className="qw-page">
      <View className="qw-header">
        <View className="qw-header__title">导出 Excel</View>
        <View className="qw-header__sub">导出所选群在这段时间内提出的事项及其全部处理记录。每次导出都会记入导出记录（谁、何时、条件、行数和校验值）。</View>
      </View>

      <View className="qw-card">
        <View className="qw-filter__label">群</View>
        <PickMany all="全部可查看的群" choices={scope.map((g) => ({ value: g.id, label: g.name }))} value={groupIds} onChange={setGroupIds} />
        <View className="qw-filter__label">时间段（事项的提出日期）</View>
        <View className="qw-row qw-chips">
          {PRESETS.map((p) => (
            <View key={p} className={`qw-chip${preset === p ? ' qw-chip--on' : ''}`} onClick={() => pickPreset(p)}>
              {PERIOD_LABELS[p]}
            </View>
          ))}
        </View>
        <View className="qw-filter__dates">
          <Input className="qw-input qw-filter__date" value={from} maxlength={10} disabled={preset !== 'custom'} onInput={(e) => setFrom(e.detail.value)} />
          <Text>至</Text>
          <Input className="qw-input qw-filter__date" value={to} maxlength={10} disabled={preset !== 'custom'} onInput={(e) => setTo(e.detail.value)} />
        </View>
        {valid ? null : <View className="qw-hint">请按 2026-09-01 的格式填写开始和结束日期，开始不晚于结束。</View>}
        <View className="qw-filter__label">事项种类</View>
        <PickMany all="全部种类" choices={CASE_KINDS.map((k) => ({ value: k, label: CASE_KIND_LABELS[k] }))} value={kinds} onChange={setKinds} />
        {failure ? <ErrorBanner failure={failure} /> : null}
        <Btn block disabled={!valid || busy} loading={busy} onClick={() => void exportNow()}>
          导出
        </Btn>
      </View>

      {result ? <ExportDone result={result} /> : null}
    </View>
  );
}

function ExportDone({ result }: { result: ExportResult }) {
  async function download() {
    if (isH5()) return void window.location.assign(result.url);
    try {
      const got = await Taro.downloadFile({ url: result.url });
      await Taro.openDocument({ filePath: got.tempFilePath, fileType: 'xlsx', showMenu: true });
    } catch {
      void Taro.showToast({ title: '无法直接打开该文件，请复制链接后在浏览器中下载', icon: 'none' });
    }
  }
  const copy = (data: string, title: string) => void Taro.setClipboardData({ data }).then(() => Taro.showToast({ title, icon: 'none' }));
  return (
    <View className="qw-card" data-export={result.id}>
      <View className="qw-section-title">{result.repeated ? '已导出（与刚才同一份）' : '导出完成'}</View>
      <View className="qw-kv">
        <Text className="qw-kv__k">文件</Text>
        <Text className="qw-kv__v">{result.fileName}</Text>
      </View>
      <View className="qw-kv">
        <Text className="qw-kv__k">行数</Text>
        <Text className="qw-kv__v">{`事项 ${result.rows.cases} 行，处理记录 ${result.rows.history} 行`}</Text>
      </View>
      <View className="qw-kv">
        <Text className="qw-kv__k">范围</Text>
        <Text className="qw-kv__v">{`${result.filters.groups.map((g) => g.name).join('、')}；${result.filters.from} 至 ${result.filters.to}`}</Text>
      </View>
      <View className="qw-label">文件 SHA-256</View>
      <View className="qw-hash" data-testid="file-sha256">{result.fileSha256}</View>
      <View className="qw-label">数据校验值（与“说明”表中一致）</View>
      <View className="qw-hash">{result.contentSha256}</View>
      <View className="qw-hint">{`下载链接 ${formatDateTime(result.expiresAt)} 前有效。`}</View>
      <View className="qw-row qw-row--actions">
        <Btn kind="ghost" small onClick={() => copy(result.fileSha256, '已复制校验值')}>
          复制校验值
        </Btn>
        <Btn kind="ghost" small onClick={() => copy(result.url, '已复制链接')}>
          复制链接
        </Btn>
        <Btn small onClick={() => void download()}>
          下载
        </Btn>
      </View>
    </View>
  );
}
