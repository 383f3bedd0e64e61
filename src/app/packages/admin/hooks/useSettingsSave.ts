// The one save path of every 系统设置 form: settings.update against the version the form was loaded
// from, busy while it runs (a second press meanwhile sends nothing), the refusal kept for display,
// and 已保存 once the server took it. Each form states only its fields.
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { Failure, SettingsView } from '../../../../contract';
import { call } from '../../../api';

export function useSettingsSave(view: SettingsView, onSaved: (v: SettingsView) => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  // State alone lets two presses within one render both through; the ref does not.
  const running = useRef(false);

  async function save(values: SettingsView['values']): Promise<void> {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setFailure(null);
    const r = await call('settings.update', { values, expectedVersion: view.version });
    running.current = false;
    setBusy(false);
    if (!r.ok) return setFailure(r);
    onSaved(r.data);
    void Taro.showToast({ title: '已保存', icon: 'success' });
  }

  return { busy, failure, save };
}
