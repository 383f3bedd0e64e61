// One labelled line of a fact card (qw-kv): the label on the left, the value on the right.
import { Text, View } from '@tarojs/components';

export function KvRow({ k, children }: { k: string; children: string }) {
  return (
    <View className="qw-kv">
      <Text className="qw-kv__k">{k}</Text>
      <Text className="qw-kv__v">{children}</Text>
    </View>
  );
}
