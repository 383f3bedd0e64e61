// The admin's side of a violation case: answer the appeal (uphold, reduce, revoke, with a finding)
// and confirm the removal (or re-adding) done in WeChat.
import { Text, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { DESCRIPTION_MAX, type CaseCommand, type CaseView, type CaseViewOf, type Failure } from '../../../../../contract';
import { call } from '../../../../api';
import { ActionForm } from '../../../../components/ActionForm';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { ViolationCasePage, type ViolationViewProps } from '../../../../components/ViolationCasePage';
import { outcomeChoices, parseOutcome, ViolationFacts } from '../../../../components/ViolationFacts';
import { formatDateTime } from '../../../../lib/time';

export default function AdminViolationPage() {
  return <ViolationCasePage view={AdminView} />;
}

function AdminView({ item, onChange }: ViolationViewProps) {
  const d = item.data;
  const can = (x: CaseCommand) => item.allowed.includes(x);
  return (
    <>
      {can('confirmTask') ? <TaskPanel item={item} onChange={onChange} /> : null}
      {can('answer') ? (
        <ActionForm
          title="答复申诉"
          hint={`请调查核实后在 ${item.dueAt ? formatDateTime(item.dueAt) : '期限'} 前答复。申诉人不满意可再向上级领导申诉。`}
          choices={outcomeChoices(item)}
          placeholder="调查核实的结论（必填），申诉人会看到"
          textRequired
          maxLength={DESCRIPTION_MAX}
          submitText="提交答复"
          onSubmit={(finding, choice) => call('violation.answer', { caseId: item.id, finding, ...parseOutcome(choice) })}
          onDone={(c) => {
            void Taro.showToast({ title: '已答复', icon: 'success' });
            onChange(c);
          }}
        />
      ) : null}
      {!item.open ? <View className="qw-notice">该事项已结束（{item.stateLabel}）。</View> : null}
      {item.open && !item.allowed.length ? (
        <View className="qw-notice">
          {d.appeal && !d.answer ? '该申诉由未参与处理的管理员答复。' : `目前等待：${item.waitingOn.map((p) => p.name).join('、') || '无'}。`}
        </View>
      ) : null}
      <ViolationFacts item={item} />
    </>
  );
}

function TaskPanel({ item, onChange }: { item: CaseViewOf<'violation'>; onChange: (c: CaseView) => void }) {
  const d = item.data;
  const [failure, setFailure] = useState<Failure | null>(null);
  const remove = d.task?.action === 'remove';
  async function confirm() {
    const r = await call('violation.confirmTask', { caseId: item.id });
    if (!r.ok) return setFailure(r);
    void Taro.showToast({ title: '已确认', icon: 'success' });
    onChange(r.data);
  }
  return (
    <View className="qw-card qw-set-in-wechat">
      <View className="qw-section-title">{remove ? '请在微信中移出该成员' : '请在微信中重新邀请该成员'}</View>
      <Text className="qw-hint">
        {remove
          ? `小程序无法替你移出群成员：请在微信群「${item.group.name}」中将 ${item.subject.name} 移出，完成后点下面的按钮确认。`
          : `对 ${item.subject.name} 的移出处理已撤销或减轻：请在「${item.group.name}」重新邀请其入群，完成后确认。`}
      </Text>
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn block onClick={() => void confirm()}>
        {remove ? '我已在微信群中移出' : '我已重新拉回群'}
      </Btn>
    </View>
  );
}
