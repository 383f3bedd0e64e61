// Taro's components as the DOM elements they stand for, with Taro's event shapes
// (onInput gets { detail: { value } }) so pages run unchanged.
import type { ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode };

/** Keep what the DOM understands: class, click, data-* and a few attributes. */
function domProps(p: Props) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) {
    if (k === 'className' || k === 'onClick' || k === 'id' || k === 'style' || k === 'role') out[k] = v;
    else if (k.startsWith('data-') || k.startsWith('aria-')) out[k] = v;
  }
  return out;
}

export function View(p: Props) {
  return <div {...domProps(p)}>{p.children}</div>;
}

export function Text(p: Props) {
  return <span {...domProps(p)}>{p.children}</span>;
}

export function Button(p: Props) {
  return (
    <button type="button" {...domProps(p)} disabled={Boolean(p.disabled)}>
      {p.children}
    </button>
  );
}

function onInputOf(p: Props) {
  const handler = p.onInput as ((e: { detail: { value: string } }) => void) | undefined;
  return (e: { target: { value: string } }) => handler?.({ detail: { value: e.target.value } });
}

export function Input(p: Props) {
  return (
    <input
      {...domProps(p)}
      value={p.value as string | undefined}
      placeholder={p.placeholder as string | undefined}
      maxLength={p.maxlength as number | undefined}
      disabled={Boolean(p.disabled)}
      onChange={onInputOf(p)}
    />
  );
}

export function Textarea(p: Props) {
  return (
    <textarea
      {...domProps(p)}
      value={p.value as string | undefined}
      placeholder={p.placeholder as string | undefined}
      maxLength={p.maxlength as number | undefined}
      disabled={Boolean(p.disabled)}
      onChange={onInputOf(p)}
    />
  );
}

export function Image(p: Props) {
  return <img {...domProps(p)} src={p.src as string} alt="" />;
}

export const ScrollView = View;
export const Canvas = View;
export const Navigator = View;
export const Label = Text;
