// The weapp suite rebuilds a build older than its sources: staleReason compares the newest source
// file with the build's app.js.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { staleReason } from './harness';

function tree() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'qw-stale-'));
  const dist = path.join(root, 'dist');
  const src = path.join(root, 'src');
  mkdirSync(path.join(src, 'pages/home'), { recursive: true });
  mkdirSync(dist);
  const at = (file: string, seconds: number) => {
    writeFileSync(file, 'x');
    utimesSync(file, seconds, seconds);
  };
  return { root, dist, src, at };
}

describe('weapp build staleness', () => {
  it('should ask for a build when app.js is missing', () => {
    const { dist, src } = tree();
    expect(staleReason(dist, [src])).toMatch(/app\.js is missing/);
  });

  it('should ask for a rebuild when a page source is newer than app.js, naming the file', () => {
    const { dist, src, at } = tree();
    at(path.join(dist, 'app.js'), 1_000_000);
    at(path.join(src, 'pages/home/index.tsx'), 1_000_100);
    expect(staleReason(dist, [src])).toMatch(/pages\/home\/index\.tsx is newer than .*app\.js/);
  });

  it('should use the build as it is when it is newer than every source', () => {
    const { dist, src, at } = tree();
    at(path.join(src, 'pages/home/index.tsx'), 1_000_000);
    at(path.join(dist, 'app.js'), 1_000_100);
    expect(staleReason(dist, [src])).toBeNull();
  });
});
