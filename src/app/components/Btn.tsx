// The app's one button. `disabled` is passed only when true: Taro's h5 button keeps a
// disabled="false" attribute otherwise, which its own stylesheet treats as disabled.
import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';

interface Props {
  kind?: 'primary' | 'danger' | 'ghost';
  small?: boolean;
  block?: boolean;
  disabled?: boolean;
  loading?: boolean;
  onClick: () => void;
  children: ReactNode;
}

export function Btn({ kind = 'primary', small, block, disabled, loading, onClick, children }: Props) {
  const cls = ['qw-btn', `qw-btn--${kind}`, small && 'qw-btn--small', block && 'qw-btn--block', disabled && 'qw-btn--disabled']
    .filter(Boolean)
    .join(' ');
  return (
    <Button className={cls} {...(disabled ? { disabled: true } : {})} {...(loading ? { loading: true } : {})} onClick={onClick}>
      {children}
    </Button>
  );
}
