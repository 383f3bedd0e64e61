import { Text } from '@tarojs/components';

const TONES: Record<string, string> = {
  submitted: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'muted',
  pending: 'warning',
  requested: 'warning',
  adding: 'warning',
  removing: 'warning',
  filed: 'info',
  nominating: 'info',
  voting: 'info',
  tie: 'warning',
  done: 'success',
  elected: 'success',
  acknowledged: 'success',
  active: 'success',
  fixed: 'success',
  revoked: 'danger',
  expired: 'muted',
  due: 'warning',
  em_active: 'danger',
  fb_triage: 'warning',
  fb_forwarded: 'info',
  fb_followup: 'warning',
  fb_answered: 'success',
  fb_resolved: 'success',
};

export function StateTag({ state, label }: { state: string; label: string }) {
  return <Text className={`qw-tag qw-tag--${TONES[state] ?? 'muted'}`}>{label}</Text>;
}

export function Tag({ tone, children }: { tone: 'success' | 'warning' | 'danger' | 'muted' | 'info'; children: string }) {
  return <Text className={`qw-tag qw-tag--${tone}`}>{children}</Text>;
}
