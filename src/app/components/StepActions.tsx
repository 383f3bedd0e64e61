// 转交 and 催办 on a case (issue 19), as the server's `approval` view allows them. Kept lean: it sits in
// the main package (the hand-over form is a subpackage page; the history lists each nudge).
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { CaseView, Failure } from '../../contract';
import { call } from '../api';
import { routes } from '../lib/routes';
import { formatDeadline } from '../lib/time';
import { Btn } from './Btn';
import { ErrorBanner } from './ErrorBanner';

export function StepActions({ item }: { item: CaseView }) {
  const a = item.approval;
  const [next, setNext] = useState(a?.nextNudgeAt ?? null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  if (!a || !item.open || (!a.canHandOver && !a.canNudge)) return null;
  // The requester may nudge again only after the settings' interval.
  const wait = next !== null && next > Date.now() ? formatDeadline(next) : '';

  const nudge = () => {
    setBusy(true);
    void call('cases.nudge', { caseId: item.id }).then((r) => {
      setBusy(false);
      setFailure(r.ok ? null : r);
      if (r.ok) {
        setNext(r.data.nextNudgeAt);
        void Taro.showToast({ title: `已催办 ${r.data.nudged.map((p) => p.name).join('、')}`, icon: 'none' });
      }
    });
  };

  return (
    <View className="qw-card">
      {a.canHandOver ? (
        <Btn kind="ghost" block onClick={() => void Taro.navigateTo({ url: routes.handOver(item.id) })}>
          转交他人处理
        </Btn>
      ) : null}
      {a.canNudge && failure ? <ErrorBanner failure={failure} /> : null}
      {a.canNudge ? (
        <Btn kind="ghost" block disabled={busy || Boolean(wait)} onClick={nudge}>
          {wait ? `${wait} 后可再催办` : '催办'}
        </Btn>
      ) : null}
    </View>
  );
}
