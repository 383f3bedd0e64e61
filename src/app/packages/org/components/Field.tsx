import { Input, View } from '@tarojs/components';

export function Field(props: { label: string; value: string; onInput: (v: string) => void; placeholder?: string; name: string; maxlength?: number }) {
  return (
    <View className="qw-field">
      <View className="qw-label">{props.label}</View>
      <Input
        className="qw-input"
        name={props.name}
        value={props.value}
        placeholder={props.placeholder}
        maxlength={props.maxlength ?? 30}
        onInput={(e) => props.onInput(e.detail.value)}
      />
    </View>
  );
}
