// 转交 and 催办 on a case (issue 19), as the server's `approval` view allows them. Kept small: it sits in
// the main package; the hand-over form itself is a subpackage page.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CaseView, Failure } from '../../contract';
import { call } from '../api';
import { routes } from '../lib/routes';
import { formatDeadline } from '../lib/time';
import { Btn } from './Btn';
import { ErrorBanner } from './ErrorBanner';

export function StepActions({ item }: { item: CaseView }) {
  const a = item.approval;
  if (!a || !item.open || (!a.canHandOver && !a.canNudge)) return null;
  return (
    <View className="qw-card">
      {a.canHandOver ? (
        <Btn kind="ghost" block onClick={() => void Taro.navigateTo({ url: routes.handOver(item.id) })}>
          转交他人处理
        </Btn>
      ) : null}
      {a.canNudge ? <NudgeButton item={item} /> : null}
    </View>
  );
}

/** The requester (or subject) reminds whoever the step waits on; at most once every few hours. */
export function NudgeButton({ item }: { item: CaseView }) {
  const [next, setNext] = useState(item.approval?.nextNudgeAt ?? null);
  const [last, setLast] = useState(item.approval?.lastNudgeAt ?? null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const wait = next !== null && next > Date.now();

  async function nudge() {
    setBusy(true);
    setFailure(null);
    const r = await call('cases.nudge', { caseId: item.id });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    setNext(r.data.nextNudgeAt);
    setLast(r.data.at);
    void Taro.showToast({ title: `已催办 ${r.data.nudged.map((p) => p.name).join('、')}`, icon: 'none' });
  }

  return (
    <>
      <Text className="qw-hint">
        {last ? `上次催办：${formatDeadline(last)}。` : '处理人迟迟未处理？可以提醒他们尽快处理。'}
        {wait ? `${formatDeadline(next!)} 后可再次催办。` : ''}
      </Text>
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn kind="ghost" block disabled={busy || wait} onClick={() => void nudge()}>
        {wait ? `${formatDeadline(next!)} 后可再催办` : '催办'}
      </Btn>
    </>
  );
}
