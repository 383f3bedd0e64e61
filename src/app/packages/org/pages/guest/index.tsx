// 外部人员临时入群 (§2.1): who, from where, why, until when. The department head or the group's
// leader approves; an admin adds and confirms; at the end date the admin is told to remove them.
import { Textarea, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { REASON_MAX } from '../../../../../contract';
import { call } from '../../../../api';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { newRequestId } from '../../../../lib/ids';
import { routes } from '../../../../lib/routes';
import { Field } from '../../components/Field';
import { useAction } from '../../../../hooks/useAction';

export default function GuestPage() {
  const { params } = useRouter();
  const groupId = params.groupId ?? '';
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [reason, setReason] = useState('');
  const [endDate, setEndDate] = useState('');
  const [requestId] = useState(newRequestId);
  const action = useAction();
  const ready = name.trim() && organisation.trim() && reason.trim() && /^\d{4}-\d{2}-\d{2}$/.test(endDate);

  async function submit() {
    const r = await action.run(() => call('guests.request', { groupId, name: name.trim(), organisation: organisation.trim(), reason: reason.trim(), endDate, requestId }));
    if (r) void Taro.redirectTo({ url: routes.act(r.id) });
  }

  return (
    <View className="qw-page">
      <View className="qw-header">
        <View className="qw-header__title">申请外部人员临时入群</View>
        <View className="qw-header__sub">由部门负责人或上级领导批准，管理员拉人入群；到期后管理员会收到移出提醒。外部人员在名册中标注“外部”。</View>
      </View>
      <View className="qw-card">
        <Field label="姓名" name="guestName" value={name} onInput={setName} maxlength={20} />
        <Field label="单位" name="organisation" value={organisation} placeholder="如 某某广告公司" onInput={setOrganisation} />
        <Field label="结束日期" name="endDate" value={endDate} placeholder="YYYY-MM-DD" onInput={setEndDate} maxlength={10} />
        <View className="qw-label">理由</View>
        <Textarea className="qw-textarea" value={reason} maxlength={REASON_MAX} placeholder="为什么需要临时入群" onInput={(e) => setReason(e.detail.value)} />
        {action.failure ? <ErrorBanner failure={action.failure} /> : null}
        <Btn block disabled={action.busy || !ready} onClick={() => void submit()}>
          提交申请
        </Btn>
      </View>
    </View>
  );
}
