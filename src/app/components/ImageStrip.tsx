// A row of a case's image thumbnails; a tap opens WeChat's viewer on that image, the others a swipe away.
import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

export function ImageStrip({ links, label = () => '查看图片' }: { links: { url: string }[]; label?: (index: number) => string }) {
  if (!links.length) return null;
  const urls = links.map((l) => l.url);
  return (
    <View className="qw-row qw-evidence">
      {links.map((l, i) => (
        <Image key={l.url} className="qw-evidence__img" src={l.url} mode="aspectFill" aria-label={label(i)} onClick={() => void Taro.previewImage({ urls, current: l.url })} />
      ))}
    </View>
  );
}
