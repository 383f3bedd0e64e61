// 系统设置's audit and limits: the owner checks the sealed history (audit.verify, a page at a time)
// against a checkpoint fingerprint they kept, and sets the hourly limits per person.
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AuditProblemView, AuditReport, Failure, Result, SettingsView } from '../../../../contract';
import { call } from '../../../api';
import { Btn } from '../../../components/Btn';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDateTime } from '../../../lib/time';
import { useSettingsSave } from '../hooks/useSettingsSave';

const SCOPE: Record<AuditProblemView['scope'], string> = { case: '事项', backup: '备份', export: '导出记录', checkpoint: '检查点' };
const FINGERPRINT = /^[0-9A-Fa-f]{4}(-?[0-9A-Fa-f]{4}){3}$/;

export function AuditPanel() {
  const [fingerprint, setFingerprint] = useState('');
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState(0);
  const [problems, setProblems] = useState<AuditProblemView[] | null>(null);
  const [checkpoints, setCheckpoints] = useState<AuditReport['checkpoints'] | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const fp = fingerprint.trim();
  const fpBad = fp !== '' && !FINGERPRINT.test(fp);

  async function verify() {
    setBusy(true);
    setFailure(null);
    setProblems(null);
    setChecked(0);
    const found: AuditProblemView[] = [];
    let total = 0;
    // One page a call, so a large organisation never runs into the function's time limit.
    let cursor: string | null = null;
    do {
      const r: Result<AuditReport> = await call('audit.verify', { ...(cursor ? { cursor } : {}), ...(fp ? { fingerprint: fp } : {}) });
      if (!r.ok) {
        setBusy(false);
        return setFailure(r);
      }
      found.push(...r.data.problems);
      total += r.data.checked;
      setChecked(total);
      setCheckpoints(r.data.checkpoints);
      cursor = r.data.next;
    } while (cursor !== null);
    setProblems(found);
    setBusy(false);
  }

  const latest = checkpoints?.latest;
  return (
    <View className="qw-card" data-testid="audit-panel">
      <View className="qw-section-title">审计记录校验</View>
      <Text className="qw-hint">
        每条处理记录和每次导出的记录都用部署密钥封存，系统每天把所有改动过的记录和新的导出记录汇总成一个检查点，并把它的指纹发给你。请把收到的指纹另行保存（例如截图或抄在别处）：校验时填入，数据库里的记录即使被人整段删改或回退也能被发现。
      </Text>
      {latest ? (
        <View className="qw-notice">{`最近的检查点 #${latest.seq}（${formatDateTime(latest.at)}，${latest.chains} 项记录），指纹 ${latest.fingerprint}`}</View>
      ) : null}
      <View className="qw-label">你保存的检查点指纹（可选）</View>
      <Input className="qw-input" value={fingerprint} placeholder="XXXX-XXXX-XXXX-XXXX" maxlength={19} onInput={(e) => setFingerprint(e.detail.value)} />
      {fpBad ? <View className="qw-issues__item">指纹应为 16 位十六进制字符，例如 3F2A-9C41-0B7D-E5A8</View> : null}
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn block disabled={busy || fpBad} loading={busy} onClick={() => void verify()}>
        {busy ? `校验中…已检查 ${checked} 项` : '校验审计记录'}
      </Btn>
      {problems && !problems.length ? <View className="qw-notice">{`✓ 已检查 ${checked} 项记录（处理记录与导出记录），全部完整，未发现篡改`}</View> : null}
      {problems && problems.length ? (
        <View className="qw-notice qw-notice--strong">
          <View>{`✗ 已检查 ${checked} 项，发现 ${problems.length} 处问题：`}</View>
          {problems.map((p, i) => (
            <View className="qw-list-item" key={`${p.scope}:${p.id}:${i}`}>
              {`${SCOPE[p.scope]} ${p.id}${p.seq ? ` 第 ${p.seq} 条` : ''}：${p.problem}`}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

const LIMIT_FIELDS: [keyof SettingsView['values']['limits'], string, number][] = [
  ['requestsPerHour', '每人每小时同类申请（次）', 100],
  ['uploadsPerHour', '每人每小时上传文件（个）', 500],
  ['remindersPerHour', '每人每小时催办提醒（次）', 100],
];

export function LimitsForm({ view, onSaved }: { view: SettingsView; onSaved: (v: SettingsView) => void }) {
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(LIMIT_FIELDS.map(([k]) => [k, String(view.values.limits[k])])));
  // 催办: hours between two nudges of one case by whoever asked (settings.approval).
  const [nudgeHours, setNudgeHours] = useState(String(view.values.approval.nudgeHours));
  const { busy, failure, save: send } = useSettingsSave(view, onSaved);

  function save() {
    const limits = Object.fromEntries(LIMIT_FIELDS.map(([k]) => [k, Number(values[k])])) as SettingsView['values']['limits'];
    return send({ ...view.values, limits, approval: { nudgeHours: Number(nudgeHours) } });
  }

  return (
    <View className="qw-card" data-testid="limits-form">
      <View className="qw-section-title">频率限制</View>
      {LIMIT_FIELDS.map(([k, label, max]) => (
        <View key={k}>
          <View className="qw-label">{`${label}（1–${max}）`}</View>
          <Input className="qw-input" type="number" value={values[k]} onInput={(e) => setValues((v) => ({ ...v, [k]: e.detail.value }))} />
        </View>
      ))}
      <View className="qw-label">同一事项两次催办的间隔（小时，1–72）</View>
      <Input className="qw-input" type="number" value={nudgeHours} onInput={(e) => setNudgeHours(e.detail.value)} />
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn block disabled={busy} onClick={() => void save()}>
        保存频率限制
      </Btn>
      <Text className="qw-hint">超过限制时，操作会被拒绝并提示何时可以再试，不会写入任何内容。</Text>
    </View>
  );
}
