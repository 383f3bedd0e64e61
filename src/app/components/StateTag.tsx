import { Text } from '@tarojs/components';

const TONES: Record<string, string> = {
  submitted: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'muted',
  revoked: 'danger',
  expired: 'muted',
  due: 'warning',
  done: 'success',
};

export function StateTag({ state, label }: { state: string; label: string }) {
  return <Text className={`qw-tag qw-tag--${TONES[state] ?? 'muted'}`}>{label}</Text>;
}

export function Tag({ tone, children }: { tone: 'success' | 'warning' | 'danger' | 'muted' | 'info'; children: string }) {
  return <Text className={`qw-tag qw-tag--${tone}`}>{children}</Text>;
}
