// Approve or reject, for whoever `allowed` says may decide. A rejection needs a reason (§2.2).
import { Text, Textarea, View } from '@tarojs/components';
import { Btn } from './Btn';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { REASON_MAX, type CaseView, type Failure } from '../../contract';
import { call } from '../api';
import { ErrorBanner } from './ErrorBanner';

interface Props {
  item: CaseView;
  onDecided: (updated: CaseView) => void;
}

export function DecisionPanel({ item, onDecided }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const inFlight = useRef(false);
  // Other kinds decide on their own pages (record access needs an expiry).
  const canApprove = item.kind === 'rename' && item.allowed.includes('approve');
  const canReject = item.kind === 'rename' && item.allowed.includes('reject');
  if (!canApprove && !canReject) return null;
  const reason = text.trim();

  async function decide(kind: 'approve' | 'reject') {
    // A blank rejection reason is refused by call() itself, with the contract's prompt.
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setFailure(null);
    const r =
      kind === 'approve'
        ? await call('rename.approve', reason ? { caseId: item.id, note: reason } : { caseId: item.id })
        : await call('rename.reject', { caseId: item.id, reason });
    inFlight.current = false;
    setBusy(false);
    if (!r.ok) {
      setFailure(r);
      return;
    }
    void Taro.showToast({ title: kind === 'approve' ? '已批准' : '已驳回', icon: 'success' });
    onDecided(r.data);
  }

  return (
    <View className="qw-card qw-decision">
      <View className="qw-section-title">审批</View>
      <Textarea
        className="qw-textarea"
        value={text}
        maxlength={REASON_MAX}
        placeholder={canReject ? '驳回理由（驳回时必填）；批准时可写备注' : '备注（可选）'}
        onInput={(e) => setText(e.detail.value)}
      />
      {canReject ? <Text className="qw-hint">驳回必须填写理由，申请人会看到。</Text> : null}
      {failure ? <ErrorBanner failure={failure} /> : null}
      <View className="qw-row qw-row--actions">
        {canReject ? (
          <Btn kind="danger" disabled={busy || !reason} onClick={() => void decide('reject')}>
            驳回
          </Btn>
        ) : null}
        {canApprove ? (
          <Btn disabled={busy} onClick={() => void decide('approve')}>
            批准
          </Btn>
        ) : null}
      </View>
    </View>
  );
}
