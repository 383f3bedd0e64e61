// Every button of the app goes through components/Btn (a raw Taro <Button disabled={false}> renders
// as disabled on h5, and only Btn drops the tap handler of a disabled or busy button). New pages
// are held to it here: a raw <Button>, or a View dressed as one with the qw-btn classes, fails.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const APP = path.resolve(__dirname, '../../src/app');
const BTN = path.join(APP, 'components/Btn.tsx');
/** The browser's file picker opens only from a <label> around its <input>: h5 only, no tap handler of ours. */
const H5_FILE_LABEL = /<label className="qw-btn[^"]*qw-file-pick"/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(tsx|ts)$/.test(name) ? [p] : [];
  });
}

describe('one button component', () => {
  const files = sources(APP).filter((f) => f !== BTN);

  it('should find the app sources (the scan reads real files)', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(readFileSync(BTN, 'utf8')).toMatch(/<Button/);
  });

  it('should have no raw Taro <Button> outside components/Btn.tsx', () => {
    const offenders = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(APP, f)}:${i + 1}` }))
        .filter(({ line }) => /<Button\b/.test(line) || /import\s*\{[^}]*\bButton\b[^}]*\}\s*from\s*'@tarojs\/components'/.test(line))
        .map(({ at, line }) => `${at}  ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it('should have no element dressed as a button with the qw-btn classes outside Btn', () => {
    const offenders = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(APP, f)}:${i + 1}` }))
        .filter(({ line }) => /className=[{"`'][^>]*\bqw-btn\b/.test(line) && !H5_FILE_LABEL.test(line))
        .map(({ at, line }) => `${at}  ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});

describe('icon-only tap targets', () => {
  const files = sources(APP);

  it('should give every tappable image an aria-label for the screen reader', () => {
    const offenders = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/<Image\b[^>]*?\/>/gs)]
        .map((m) => m[0])
        .filter((el) => /onClick=/.test(el) && !/aria-label=/.test(el))
        .map((el) => `${path.relative(APP, f)}: ${el.replace(/\s+/g, ' ')}`),
    );
    expect(offenders).toEqual([]);
  });
});
