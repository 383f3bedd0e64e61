// A violation case as the member sees it: the decision, the evidence, the history, and the appeal
// (to an admin within X₁ working days, then to the leader within X₃) or accepting the result.
import { Text, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { DESCRIPTION_MAX, type CaseCommand, type CaseView, type Failure } from '../../../../../contract';
import { call } from '../../../../api';
import { ActionForm } from '../../../../components/ActionForm';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { ImagePicker, type Picked } from '../../../../components/ImagePicker';
import { ViolationCasePage, type ViolationViewProps } from '../../../../components/ViolationCasePage';
import { ViolationFacts } from '../../../../components/ViolationFacts';
import { routes } from '../../../../lib/routes';
import { loadWhoAmI } from '../../../../lib/session';
import { formatDateTime } from '../../../../lib/time';

export default function ViolationPage() {
  return <ViolationCasePage view={MemberView} />;
}

function MemberView({ item, onChange }: ViolationViewProps) {
  const d = item.data;
  const [images, setImages] = useState<Picked[]>([]);
  const can = (x: CaseCommand) => item.allowed.includes(x);
  const canAppeal = can('appeal') || can('escalate');
  const closed = d.appealClosedReason;
  const [me, setMe] = useState<string | null>(null);
  const [decidedTemplate, setDecidedTemplate] = useState<string[]>([]);
  useEffect(() => {
    void loadWhoAmI().then((r) => {
      setMe(r.ok ? r.data.person.id : null);
      setDecidedTemplate(r.ok && r.data.templates.caseDecided ? [r.data.templates.caseDecided] : []);
    });
  }, []);
  return (
    <>
      <ViolationFacts item={item} />
      {can('appeal') ? (
        <ActionForm
          title="提出申诉"
          hint={`如对处理有异议，请在 ${formatDateTime(d.appealDeadline!)} 前申诉；将由未参与处理的管理员调查核实并答复。`}
          placeholder="申诉理由（必填）：说明你的异议和事实"
          textRequired
          maxLength={DESCRIPTION_MAX}
          submitText="提交申诉"
          subscribe={decidedTemplate}
          onSubmit={(reasons) => call('violation.appeal', { caseId: item.id, reasons, evidence: images.map((i) => i.fileId) })}
          onDone={(c) => {
            setImages([]);
            void Taro.showToast({ title: '已提交申诉', icon: 'success' });
            onChange(c);
          }}
        >
          <ImagePicker folder={`appeals/${item.group.id}`} value={images} onChange={setImages} />
        </ActionForm>
      ) : null}
      {can('escalate') ? (
        <ActionForm
          title="向上级领导申诉"
          hint={`对管理员的答复仍不满意，可在 ${formatDateTime(d.escalateDeadline!)} 前向上级领导申诉；领导的裁决为最终结果。`}
          placeholder="申诉理由（必填）"
          textRequired
          maxLength={DESCRIPTION_MAX}
          submitText="提交给上级领导"
          subscribe={decidedTemplate}
          onSubmit={(reasons) => call('violation.escalate', { caseId: item.id, reasons })}
          onDone={(c) => {
            void Taro.showToast({ title: '已提交', icon: 'success' });
            onChange(c);
          }}
        />
      ) : null}
      {can('accept') ? <AcceptButton item={item} onChange={onChange} /> : null}
      {!canAppeal && closed && me === item.subject.id ? (
        <View className="qw-card" data-testid="appeal-closed">
          <Btn kind="ghost" block disabled>
            {item.state === 'vio_appealed' || item.state === 'vio_escalated' ? '申诉处理中' : '申诉已关闭'}
          </Btn>
          <Text className="qw-hint">{closed}</Text>
        </View>
      ) : null}
      {can('answer') || can('confirmTask') ? (
        <View className="qw-load-more" onClick={() => void Taro.redirectTo({ url: routes.violationAdmin(item.id) })}>
          去处理（管理员）
        </View>
      ) : null}
      {can('rule') || can('decideMeasure') ? (
        <View className="qw-load-more" onClick={() => void Taro.redirectTo({ url: routes.ruling(item.id) })}>
          去裁决（上级领导）
        </View>
      ) : null}
    </>
  );
}

function AcceptButton({ item, onChange }: { item: CaseView; onChange: (c: CaseView) => void }) {
  const [failure, setFailure] = useState<Failure | null>(null);
  async function accept() {
    const ok = await Taro.showModal({ title: '接受处理结果', content: '接受后处理结果立即生效，不能再申诉。确定吗？', confirmText: '接受' });
    if (!ok.confirm) return;
    const r = await call('violation.accept', { caseId: item.id });
    if (!r.ok) return setFailure(r);
    onChange(r.data);
  }
  return (
    <View className="qw-card">
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn kind="ghost" block onClick={() => void accept()}>
        接受处理结果，不申诉
      </Btn>
    </View>
  );
}
