// 系统设置 for emergencies (§5.3: wall-clock minutes) and member feedback (§3.2: categories, working
// days, how alike a draft must be to be offered for 附议). New values apply to new cases only.
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { SettingsView } from '../../../../contract';
import { Btn } from '../../../components/Btn';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useSettingsSave } from '../hooks/useSettingsSave';
import { inRange, SettingField } from './SettingField';

type Values = SettingsView['values'];
const FIELDS: { section: 'emergency' | 'feedback'; key: string; label: string; min: number; max: number }[] = [
  { section: 'emergency', key: 'ackMinutes', label: '紧急任务接收时限（分钟）', min: 1, max: 120 },
  { section: 'emergency', key: 'respondMinutes', label: '紧急事件默认响应时限（分钟）', min: 5, max: 1440 },
  { section: 'feedback', key: 'triageDays', label: '管理员处理反馈期限（工作日）', min: 1, max: 60 },
  { section: 'feedback', key: 'answerDays', label: '转交或追问后的答复期限（工作日）', min: 1, max: 60 },
  { section: 'feedback', key: 'remindAfterDays', label: '反馈超期提醒后报领导（工作日）', min: 1, max: 60 },
  { section: 'feedback', key: 'confirmDays', label: '答复后反馈人确认期限（工作日）', min: 1, max: 60 },
  { section: 'feedback', key: 'similarPercent', label: '提示附议的相似度（%）', min: 20, max: 95 },
];

export function RespondSettingsForm({ view, onSaved }: { view: SettingsView; onSaved: (v: SettingsView) => void }) {
  const initial = () => ({
    ...Object.fromEntries(FIELDS.map((f) => [`${f.section}.${f.key}`, String((view.values[f.section] as Record<string, unknown>)[f.key])])),
    categories: view.values.feedback.categories.join('、'),
  });
  const [fields, setFields] = useState<Record<string, string>>(initial);
  const { busy, failure, save: send } = useSettingsSave(view, onSaved);
  const num = (k: string) => Number(fields[k]);
  const bad = FIELDS.filter((f) => !inRange(fields[`${f.section}.${f.key}`], f.min, f.max));
  const categories = [...new Set(fields.categories.split(/[、,，\s]+/).map((c) => c.trim()).filter(Boolean))];
  const categoriesBad = !categories.length || categories.length > 10 || categories.some((c) => c.length > 10);
  const dirty = JSON.stringify(fields) !== JSON.stringify(initial());

  function save() {
    const values: Values = {
      ...view.values,
      emergency: { ackMinutes: num('emergency.ackMinutes'), respondMinutes: num('emergency.respondMinutes') },
      feedback: {
        categories,
        triageDays: num('feedback.triageDays'),
        answerDays: num('feedback.answerDays'),
        remindAfterDays: num('feedback.remindAfterDays'),
        confirmDays: num('feedback.confirmDays'),
        similarPercent: num('feedback.similarPercent'),
      },
    };
    return send(values);
  }

  return (
    <View className="qw-card" data-testid="respond-settings">
      <View className="qw-section-title">紧急事件与意见反馈</View>
      <Text className="qw-hint">紧急事件按分钟计时，夜间、周末和节假日照常；意见反馈按工作日计算。</Text>
      {FIELDS.map((f) => {
        const k = `${f.section}.${f.key}`;
        return <SettingField key={k} label={f.label} range={f} value={fields[k]} onInput={(v) => setFields((x) => ({ ...x, [k]: v }))} />;
      })}
      <View className="qw-label">反馈类别（用顿号分隔，每个不超过 10 字，最多 10 个）</View>
      <Input className={`qw-input ${categoriesBad ? 'qw-input--invalid' : ''}`} value={fields.categories} onInput={(e) => setFields((x) => ({ ...x, categories: e.detail.value }))} />
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn block disabled={!dirty || busy || bad.length > 0 || categoriesBad} onClick={() => void save()}>
        保存
      </Btn>
    </View>
  );
}
