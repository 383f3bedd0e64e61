// The platform cannot change a group nickname; the product says exactly what to type in WeChat.
import { View } from '@tarojs/components';
import { Btn } from './Btn';
import Taro from '@tarojs/taro';

export function SetInWechat({ groupName, nickname }: { groupName: string; nickname: string }) {
  return (
    <View className="qw-card qw-set-in-wechat">
      <View className="qw-set-in-wechat__title">{`请在微信群「${groupName}」中把群昵称设置为：${nickname}`}</View>
      <View className="qw-set-in-wechat__nick">{nickname}</View>
      <Btn small onClick={() => void Taro.setClipboardData({ data: nickname })}>
        复制群昵称
      </Btn>
      <View className="qw-hint">打开该群 → 右上角“…” → 我在本群的昵称，粘贴后保存。</View>
    </View>
  );
}
