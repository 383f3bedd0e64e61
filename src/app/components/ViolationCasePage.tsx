// The page frame the admin, leader and member violation pages share: the case named by the route,
// reloaded on show, handed to the role's view (only violations are routed here).
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ComponentType } from 'react';
import type { CaseView, CaseViewOf } from '../../contract';
import { call } from '../api';
import { useRemote } from '../hooks/useRemote';
import { RemoteView } from './RemoteView';

export interface ViolationViewProps {
  item: CaseViewOf<'violation'>;
  onChange: (c: CaseView) => void;
}

export function ViolationCasePage({ view: RoleView }: { view: ComponentType<ViolationViewProps> }) {
  const { params } = useRouter();
  const caseId = params.id ?? '';
  const remote = useRemote(() => call('cases.get', { caseId }), { refreshOnShow: true });
  return (
    <View className="qw-page">
      <RemoteView remote={remote}>{(c) => (c.kind === 'violation' ? <RoleView item={c} onChange={remote.replace} /> : null)}</RemoteView>
    </View>
  );
}
