// One written decision: optional choices, a text that may be required, a button; shows refusals.
import { Text, Textarea, View } from '@tarojs/components';
import { Btn } from './Btn';
import { useRef, useState } from 'react';
import type { Failure, Result } from '../../contract';
import { requestSubscribe } from '../api';
import { ErrorBanner } from './ErrorBanner';

export interface Choice {
  value: string;
  label: string;
}

interface Props<T> {
  title: string;
  hint?: string;
  placeholder: string;
  /** The text must not be empty (a reason, a finding). */
  textRequired: boolean;
  maxLength: number;
  choices?: Choice[];
  submitText: string;
  tone?: 'primary' | 'danger';
  onSubmit: (text: string, choice: string | null) => Promise<Result<T>>;
  onDone: (data: T) => void;
  /** Subscription templates to ask for on the tap (R11): the answer to this step comes later. */
  subscribe?: string[];
  /** Extra content under the text, e.g. an image picker. */
  children?: React.ReactNode;
}

export function Chips({ choices, value, onChange }: { choices: Choice[]; value: string | null; onChange: (v: string) => void }) {
  return (
    <View className="qw-row qw-chips">
      {choices.map((c) => (
        <View key={c.value} className={`qw-chip${value === c.value ? ' qw-chip--on' : ''}`} onClick={() => onChange(c.value)}>
          {c.label}
        </View>
      ))}
    </View>
  );
}

export function ActionForm<T>(p: Props<T>) {
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<string | null>(p.choices?.[0]?.value ?? null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const inFlight = useRef(false);
  const missing = p.textRequired && !text.trim();

  async function submit() {
    if (inFlight.current || missing) return;
    inFlight.current = true;
    // WeChat asks only inside the tap itself, so this comes before anything else is awaited.
    if (p.subscribe?.length) await requestSubscribe(p.subscribe);
    setBusy(true);
    setFailure(null);
    const r = await p.onSubmit(text.trim(), choice);
    inFlight.current = false;
    setBusy(false);
    if (!r.ok) return setFailure(r);
    setText('');
    p.onDone(r.data);
  }

  return (
    <View className="qw-card">
      <View className="qw-section-title">{p.title}</View>
      {p.hint ? <Text className="qw-hint">{p.hint}</Text> : null}
      {p.choices ? <Chips choices={p.choices} value={choice} onChange={setChoice} /> : null}
      <Textarea className="qw-textarea" value={text} maxlength={p.maxLength} placeholder={p.placeholder} onInput={(e) => setText(e.detail.value)} />
      {p.children}
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn kind={p.tone ?? 'primary'} block disabled={busy || missing} onClick={() => void submit()}>
        {p.submitText}
      </Btn>
    </View>
  );
}
