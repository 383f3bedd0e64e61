// Opening an invitation card (R14): the OPENID WeChat vouches for is bound to the person the
// department head registered. The token is one-time and expires.
import { View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { JoinResult } from '../../../../../contract';
import { call } from '../../../../api';
import { EmptyState } from '../../../../components/EmptyState';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { forgetWhoAmI } from '../../../../lib/session';
import { routes } from '../../../../lib/routes';
import { useAction } from '../../../../hooks/useAction';

export default function JoinPage() {
  const { params } = useRouter();
  const token = params.token ?? '';
  const [joined, setJoined] = useState<JoinResult | null>(null);
  const action = useAction();

  async function accept() {
    const r = await action.run(() => call('invitations.accept', { token }));
    if (r) {
      forgetWhoAmI();
      setJoined(r);
    }
  }

  if (!token) return <View className="qw-page"><EmptyState title="邀请链接不完整" description="请向所在部门负责人索取邀请卡片，在微信中直接打开。" /></View>;
  return (
    <View className="qw-page">
      <View className="qw-header">
        <View className="qw-header__title">{joined ? `欢迎，${joined.person.name}` : '加入群务'}</View>
        <View className="qw-header__sub">{joined ? `已绑定为 ${joined.department} 的 ${joined.person.name}` : '部门负责人邀请你使用群务，管理本单位的微信工作群。'}</View>
      </View>
      {joined ? (
        <View className="qw-card">
          <View className="qw-notice">绑定完成。之后在微信里打开群务就是你本人，无需再登录。</View>
          <Btn block onClick={() => void Taro.reLaunch({ url: routes.home })}>
            进入群务
          </Btn>
        </View>
      ) : (
        <View className="qw-card">
          <View className="qw-hint">确认后，你当前的微信将绑定到部门负责人为你登记的身份。每张邀请卡片只能使用一次，一个微信只能绑定一人。</View>
          {action.failure ? <ErrorBanner failure={action.failure} /> : null}
          <Btn block disabled={action.busy} onClick={() => void accept()}>
            确认绑定
          </Btn>
        </View>
      )}
    </View>
  );
}
