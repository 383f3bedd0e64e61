// A disabled (or busy) Btn cannot be tapped on h5 whatever Taro's h5 button does with the tap: Btn
// gives it no handler. Here Taro's Button is a plain element that forwards every click, as a
// custom element would, so only Btn's own rule can stop the tap.
import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';

jest.mock('@tarojs/components', () => ({
  Button: (p: { className?: string; onClick?: () => void; children?: ReactNode; disabled?: boolean }) => (
    <div role="button" className={p.className} aria-disabled={p.disabled ? 'true' : undefined} onClick={p.onClick}>
      {p.children}
    </div>
  ),
}));

import { Btn } from '../../src/app/components/Btn';

describe('Btn', () => {
  it('should not act on a tap while disabled, and act once enabled', () => {
    const onClick = jest.fn();
    const { rerender } = render(
      <Btn disabled onClick={onClick}>
        提交
      </Btn>,
    );
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(onClick).not.toHaveBeenCalled();
    expect(screen.getByRole('button').className).toContain('qw-btn--disabled');

    rerender(<Btn onClick={onClick}>提交</Btn>);
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('should not act on a tap while busy', () => {
    const onClick = jest.fn();
    render(
      <Btn loading onClick={onClick}>
        发布
      </Btn>,
    );
    fireEvent.click(screen.getByRole('button', { name: '发布' }));
    expect(onClick).not.toHaveBeenCalled();
  });
});
