// The leader's side of a violation case: decide the disciplinary measure of a referral, or give the
// final ruling on an escalated appeal (or one the admin let run past its deadline).
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DESCRIPTION_MAX, MEASURES, PENALTY_LABELS, REASON_MAX, type CaseCommand, type CaseView } from '../../../../../contract';
import { call } from '../../../../api';
import { ActionForm } from '../../../../components/ActionForm';
import { ViolationCasePage, type ViolationViewProps } from '../../../../components/ViolationCasePage';
import { outcomeChoices, parseOutcome, ViolationFacts } from '../../../../components/ViolationFacts';

export default function RulingPage() {
  return <ViolationCasePage view={LeaderView} />;
}

function LeaderView({ item, onChange }: ViolationViewProps) {
  const can = (x: CaseCommand) => item.allowed.includes(x);
  const done = (title: string) => (c: CaseView) => {
    void Taro.showToast({ title, icon: 'success' });
    onChange(c);
  };
  return (
    <>
      {can('decideMeasure') ? (
        <ActionForm
          title="决定纪律处分"
          hint="该成员的违规造成较大损失或不良影响，管理员已报你决定纪律处分。"
          choices={MEASURES.map((m) => ({ value: m, label: PENALTY_LABELS[m] }))}
          placeholder="处分理由（必填），成员会看到"
          textRequired
          maxLength={REASON_MAX}
          submitText="作出处分决定"
          onSubmit={(reason, measure) => call('violation.decideMeasure', { caseId: item.id, reason, measure: measure as (typeof MEASURES)[number] })}
          onDone={done('已决定')}
        />
      ) : null}
      {can('rule') ? (
        <ActionForm
          title="最终裁决"
          hint={item.state === 'vio_appealed' ? '管理员超期未答复申诉，已报你督办：你可以直接裁决。' : '申诉人对管理员的答复不服，向你申诉。你的裁决为最终结果，事项随即结束。'}
          choices={outcomeChoices(item)}
          placeholder="裁决理由（必填）"
          textRequired
          maxLength={DESCRIPTION_MAX}
          submitText="作出最终裁决"
          onSubmit={(finding, choice) => call('violation.rule', { caseId: item.id, finding, ...parseOutcome(choice) })}
          onDone={done('已裁决')}
        />
      ) : null}
      {!item.open ? <View className="qw-notice">该事项已结束（{item.stateLabel}）。</View> : null}
      <ViolationFacts item={item} />
    </>
  );
}
