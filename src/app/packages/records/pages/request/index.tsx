// A member asks to read a group's chat records (§6.2): range, purpose, and the pledge ticked.
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ACCESS_PLEDGE, PURPOSE_MAX, type Failure, type MyGroup, type WhoAmI } from '../../../../../contract';
import { call } from '../../../../api';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { RemoteView } from '../../../../components/RemoteView';
import { useRemote } from '../../../../hooks/useRemote';
import { newRequestId } from '../../../../lib/ids';
import { lastMonth, todayDate } from '../../../../lib/periods';
import { routes } from '../../../../lib/routes';
import { loadWhoAmI } from '../../../../lib/session';
import { isIsoDate } from '../../../../lib/time';

export default function RecordRequestPage() {
  const { params } = useRouter();
  const remote = useRemote(() => loadWhoAmI());
  return (
    <View className="qw-page">
      <RemoteView remote={remote}>{(me) => <RequestForm me={me} groupId={params.groupId ?? ''} />}</RemoteView>
    </View>
  );
}

export function RequestForm({ me, groupId }: { me: WhoAmI; groupId: string }) {
  const groups = me.groups.filter((g) => g.roles.includes('member'));
  const [group, setGroup] = useState<MyGroup | undefined>(groups.find((g) => g.id === groupId) ?? groups[0]);
  const initial = lastMonth();
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [purpose, setPurpose] = useState('');
  const [pledge, setPledge] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const requestId = useRef(newRequestId());

  if (!group) return <View className="qw-notice">你还不是任何群的成员，无法申请查阅聊天记录。</View>;
  const today = todayDate();
  const rangeProblem = !isIsoDate(from) || !isIsoDate(to) ? '请按 YYYY-MM-DD 填写日期' : from > to ? '开始日期不能晚于结束日期' : to > today ? `结束日期不能晚于今天（${today}）` : null;
  const ready = !rangeProblem && purpose.trim().length > 0 && pledge;

  async function submit() {
    if (!ready || busy || !group) return;
    setBusy(true);
    setFailure(null);
    const r = await call('records.request', { groupId: group.id, from, to, purpose: purpose.trim(), pledge, requestId: requestId.current });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    void Taro.showToast({ title: '已提交', icon: 'success' });
    void Taro.redirectTo({ url: routes.case(r.data.id) });
  }

  return (
    <View className="qw-card">
      <View className="qw-label">群</View>
      <View className="qw-row">
        {groups.map((g) => (
          <Btn
            key={g.id}
            kind={g.id === group.id ? 'primary' : 'ghost'}
            small
            onClick={() => setGroup(g)}
          >
            {g.name}
          </Btn>
        ))}
      </View>
      <View className="qw-label">开始日期</View>
      <Input className="qw-input" value={from} maxlength={10} placeholder="YYYY-MM-DD" onInput={(e) => setFrom(e.detail.value.trim())} />
      <View className="qw-label">结束日期</View>
      <Input className="qw-input" value={to} maxlength={10} placeholder="YYYY-MM-DD" onInput={(e) => setTo(e.detail.value.trim())} />
      {rangeProblem ? <View className="qw-issues__item">{rangeProblem}</View> : null}
      <View className="qw-label">查阅目的</View>
      <Textarea
        className="qw-textarea"
        value={purpose}
        maxlength={PURPOSE_MAX}
        placeholder="例如：核对十月活动报价的沟通记录"
        onInput={(e) => setPurpose(e.detail.value)}
      />
      {/* A View, not Checkbox/Label: their templates would weigh on the main package's base.wxml. */}
      <View className="qw-pledge" role="checkbox" aria-checked={pledge} data-testid="pledge" onClick={() => setPledge(!pledge)}>
        <Text className={`qw-pledge__box ${pledge ? 'qw-pledge__box--on' : ''}`}>{pledge ? '✓' : ''}</Text>
        <Text>我承诺：{ACCESS_PLEDGE}</Text>
      </View>
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn block disabled={!ready || busy} loading={busy} onClick={() => void submit()}>
        提交申请
      </Btn>
      <Text className="qw-hint">
        {pledge ? '提交后由群管理员审批；批准后你会收到限时下载链接，到期后无法再下载。' : '须先勾选保密承诺才能提交。'}
      </Text>
    </View>
  );
}
