// Copies the WAL back into the database from a worker thread, so that work never stalls the event
// loop of the host (a checkpoint on the request path held up every request in flight). PASSIVE:
// it never waits for, nor blocks, the writer or the readers of the main connection.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or interrupted: the next tick tries again.
  }
}, workerData.everyMs);
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, everyMs = 1000): Checkpointer {
  const worker = new Worker(WORKER, { eval: true, workerData: { driver: createRequire(__filename).resolve('better-sqlite3'), file, everyMs } });
  // A failed worker leaves the main connection's own (rarer) checkpoints; it must not end the host.
  worker.on('error', (err) => console.error('checkpointer stopped', err));
  worker.unref();
  return { stop: () => worker.terminate().then(() => undefined) };
}
