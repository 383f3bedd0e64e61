// Where a chat-record backup is kept, as the backup list and a backup's own page show it: the cloud
// file and its size, or the place an offline copy is stored.
import type { BackupView } from '../../../../contract';
import { KvRow } from '../../../components/KvRow';
import { formatSize } from '../../../lib/periods';

export function BackupStorageRow({ b }: { b: BackupView }) {
  return <KvRow k={b.storage === 'cloud' ? '文件' : '本地存储'}>{b.storage === 'cloud' ? `${b.fileName ?? '备份文件'} ${formatSize(b.size)}` : b.location ?? ''}</KvRow>;
}
