// The app's one button (test/app/one-button.test.ts keeps raw <Button> out of pages). `disabled` is
// passed only when true: Taro's h5 button keeps a disabled="false" attribute otherwise, which its
// own stylesheet treats as disabled. A disabled or busy button gets no tap handler at all, so it
// cannot act on any platform, whatever the platform's own button does with a tap.
import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';

interface Props {
  kind?: 'primary' | 'danger' | 'ghost';
  small?: boolean;
  block?: boolean;
  disabled?: boolean;
  loading?: boolean;
  /** WeChat's own button behaviours (share: the page's useShareAppMessage card). */
  openType?: 'share';
  /** For a button whose text alone does not say what it does. */
  ariaLabel?: string;
  onClick?: () => void;
  children: ReactNode;
}

export function Btn({ kind = 'primary', small, block, disabled, loading, openType, ariaLabel, onClick, children }: Props) {
  const cls = ['qw-btn', `qw-btn--${kind}`, small && 'qw-btn--small', block && 'qw-btn--block', disabled && 'qw-btn--disabled']
    .filter(Boolean)
    .join(' ');
  const inert = disabled || loading;
  return (
    <Button
      className={cls}
      {...(disabled ? { disabled: true } : {})}
      {...(loading ? { loading: true } : {})}
      {...(openType && !inert ? { openType } : {})}
      {...(ariaLabel ? { 'aria-label': ariaLabel } : {})}
      {...(inert || !onClick ? {} : { onClick })}
    >
      {children}
    </Button>
  );
}
