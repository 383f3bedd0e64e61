// 注明出处 (§6.2) in one tap: the citation goes to the clipboard, ready to paste.
import { View } from '@tarojs/components';
import { Btn } from './Btn';
import Taro from '@tarojs/taro';

export function CopyCitation({ citation }: { citation: string }) {
  async function copy() {
    try {
      await Taro.setClipboardData({ data: citation });
      void Taro.showToast({ title: '出处已复制', icon: 'success' });
    } catch {
      void Taro.showToast({ title: '复制失败，请长按文字手动复制', icon: 'none' });
    }
  }
  return (
    <View className="qw-citation">
      <View className="qw-citation__text" data-testid="citation">
        {citation}
      </View>
      <Btn kind="ghost" small onClick={() => void copy()}>
        复制出处
      </Btn>
    </View>
  );
}
