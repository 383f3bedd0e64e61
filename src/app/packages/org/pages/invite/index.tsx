// The invitation card (R14): on the phone it is shared to the person's chat (onShareAppMessage, the
// path carrying the one-time token); on the local host it is a link to open in another browser.
import { Text, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import type { InvitationView } from '../../../../../contract';
import { call, isH5 } from '../../../../api';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { formatDateTime } from '../../../../lib/time';
import { useAction } from '../../../../hooks/useAction';

export default function InvitePage() {
  const { params } = useRouter();
  const personId = params.personId ?? '';
  const [inv, setInv] = useState<InvitationView | null>(null);
  const action = useAction();

  useShareAppMessage(() => ({
    title: inv ? `${inv.person.name}，邀请你加入群务` : '邀请你加入群务',
    path: inv ? `/${inv.path}` : '/pages/home/index',
  }));

  async function create() {
    const r = await action.run(() => call('invitations.create', { personId }));
    if (r) setInv(r);
  }

  const link = inv && isH5() ? `${window.location.origin}/${inv.path}` : '';
  return (
    <View className="qw-page">
      <View className="qw-header">
        <View className="qw-header__title">邀请卡片</View>
        <View className="qw-header__sub">对方在微信中打开卡片即可绑定身份。卡片只能使用一次，过期后需重新生成。</View>
      </View>
      {action.failure ? <ErrorBanner failure={action.failure} /> : null}
      {inv ? (
        <View className="qw-card" data-invitation>
          <View className="qw-section-title">{`给 ${inv.person.name} 的邀请`}</View>
          <View className="qw-kv">
            <Text className="qw-kv__k">有效期至</Text>
            <Text className="qw-kv__v">{formatDateTime(inv.expiresAt)}</Text>
          </View>
          {isH5() ? (
            <>
              <View className="qw-hint">本地演示：把下面的链接发给对方（或在“以新微信用户身份打开”后打开它）。在微信中这里是一张可转发的卡片。</View>
              <View className="qw-canonical qw-invite-link" data-invite-link={link}>
                {link}
              </View>
            </>
          ) : (
            <Btn block openType="share">
              发送邀请卡片
            </Btn>
          )}
        </View>
      ) : (
        <Btn block disabled={action.busy} onClick={() => void create()}>
          生成邀请卡片
        </Btn>
      )}
      {inv ? (
        <View className="qw-load-more" onClick={() => void Taro.navigateBack()}>
          返回组织管理
        </View>
      ) : null}
    </View>
  );
}
