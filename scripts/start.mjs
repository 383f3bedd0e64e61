// npm start: build the h5 app, then run the local host (API + app + scheduler) on 127.0.0.1.
import { spawnSync, spawn } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (process.env.SKIP_H5_BUILD !== '1') {
  console.log('正在构建 h5 应用…');
  run('npx', ['taro', 'build', '--type', 'h5']);
}
const host = spawn('npx', ['tsx', 'src/server/host/main.ts'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => host.kill(sig));
host.on('exit', (code) => process.exit(code ?? 0));
