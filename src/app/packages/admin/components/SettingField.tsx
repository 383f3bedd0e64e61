// One number row of 系统设置: its label (with the allowed range, when it has one) over its input,
// marked red while the value is out of range.
import { Input, View } from '@tarojs/components';

/** Whether a typed value is a whole number within [min, max]. */
export function inRange(value: string, min: number, max: number): boolean {
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max;
}

interface Props {
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** Shown after the label as （min–max）, and checked: a value outside it marks the input invalid. */
  range?: { min: number; max: number };
}

export function SettingField({ label, value, onInput, range }: Props) {
  const invalid = range ? !inRange(value, range.min, range.max) : false;
  return (
    <View>
      <View className="qw-label">{range ? `${label}（${range.min}–${range.max}）` : label}</View>
      <Input className={invalid ? 'qw-input qw-input--invalid' : 'qw-input'} type="number" value={value} onInput={(e) => onInput(e.detail.value)} />
    </View>
  );
}
