// 转交 (issue 19): whoever a step waits on hands it to another person eligible for that step, with a
// note. The deadline stays; the new assignee is told; the history names both.
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { HANDOVER_NOTE_MAX, type CaseView, type Failure } from '../../../../../contract';
import { call } from '../../../../api';
import { Btn } from '../../../../components/Btn';
import { CaseSummary } from '../../../../components/CaseSummary';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { RemoteView } from '../../../../components/RemoteView';
import { useRemote } from '../../../../hooks/useRemote';
import { routes } from '../../../../lib/routes';

export default function HandOverPage() {
  const { params } = useRouter();
  const caseId = params.id ?? '';
  const remote = useRemote(() => call('cases.get', { caseId }));
  return (
    <View className="qw-page">
      <RemoteView remote={remote}>{(c) => <HandOver item={c} />}</RemoteView>
    </View>
  );
}

/** Back to the page that opened this one (it reloads on show), or to the case when opened directly. */
function backToCase(caseId: string) {
  Taro.navigateBack().catch(() => Taro.redirectTo({ url: routes.case(caseId) }));
}

export function HandOver({ item }: { item: CaseView }) {
  const a = item.approval;
  const [toId, setToId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const inFlight = useRef(false);
  const to = a?.handOverTo.find((p) => p.id === toId) ?? null;

  if (!a?.canHandOver) {
    return (
      <>
        <CaseSummary item={item} />
        <View className="qw-notice">这个事项当前不在等你处理，不能转交。</View>
      </>
    );
  }

  async function submit() {
    if (!to || inFlight.current) return;
    const ok = await Taro.showModal({
      title: '确认转交',
      content: `转交给${to.name}后，这一步改由${to.name}处理，处理期限不变。确定转交吗？`,
      confirmText: '转交',
    });
    if (!ok.confirm) return;
    inFlight.current = true;
    setBusy(true);
    setFailure(null);
    const text = note.trim();
    const r = await call('cases.handOver', text ? { caseId: item.id, toPersonId: to.id, note: text } : { caseId: item.id, toPersonId: to.id });
    inFlight.current = false;
    setBusy(false);
    if (!r.ok) return setFailure(r);
    void Taro.showToast({ title: `已转交${to.name}`, icon: 'success' });
    backToCase(item.id);
  }

  return (
    <>
      <CaseSummary item={item} />
      <View className="qw-card">
        <View className="qw-section-title">转交给</View>
        {a.handOverTo.length ? (
          <View className="qw-chips">
            {a.handOverTo.map((p) => (
              <View key={p.id} className={`qw-chip${p.id === toId ? ' qw-chip--on' : ''}`} onClick={() => setToId(p.id)}>
                {p.name}
              </View>
            ))}
          </View>
        ) : (
          <View className="qw-notice">没有可以转交的人：本群没有其他管理员，也没有可处理此事项的上级领导。</View>
        )}
        <View className="qw-label">转交说明（可选）</View>
        <Textarea
          className="qw-textarea"
          value={note}
          maxlength={HANDOVER_NOTE_MAX}
          placeholder="例如：我本周出差，请你代为审批"
          onInput={(e) => setNote(e.detail.value)}
        />
        <Text className="qw-hint">处理期限不变；对方会收到通知，处理记录中会写明由谁转交给谁。</Text>
        {failure ? <ErrorBanner failure={failure} /> : null}
        <Btn block disabled={busy || !to} onClick={() => void submit()}>
          {to ? `转交给${to.name}` : '请选择转交对象'}
        </Btn>
      </View>
    </>
  );
}
