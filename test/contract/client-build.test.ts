// What Taro's builds keep of the contract (config/babel-strip-server-only.js): the app makes some
// failures itself and shows their sentences; every other sentence comes from the server with the
// failure, so the weapp main package does not carry them. Every code stays.
import { transformSync } from '@babel/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, ERROR_MESSAGES } from '../../src/contract';

const ROOT = join(__dirname, '../..');

function asBuilt(file: string): string {
  const code = transformSync(readFileSync(join(ROOT, file), 'utf8'), {
    filename: join(ROOT, file),
    configFile: false,
    babelrc: false,
    presets: [['@babel/preset-typescript']],
    plugins: [join(ROOT, 'config/babel-strip-server-only.js')],
  })!.code!;
  return code;
}

describe("the contract as Taro's builds see it", () => {
  it('should keep the sentences of the failures the app makes itself, and every code', () => {
    const built = asBuilt('src/contract/errors.ts');
    for (const code of ERROR_CODES) expect(built).toMatch(new RegExp(`\\b${code}: `));
    for (const code of ['BAD_INPUT', 'INTERNAL', 'REASON_REQUIRED', 'FORBIDDEN', 'UNAUTHENTICATED'] as const) expect(built).toContain(ERROR_MESSAGES[code]);
    expect(built).not.toContain(ERROR_MESSAGES.INVITATION_USED);
    expect(built).not.toContain(ERROR_MESSAGES.NOT_MEMBER);
  });

  it("should drop the actions' summaries and roles, keeping their inputs", () => {
    const built = asBuilt('src/contract/actions.ts');
    expect(built).toContain("'home.load'");
    expect(built).not.toContain('首页：我是谁');
    expect(built).not.toMatch(/roles: \[/);
    expect(built).toMatch(/input: \(\) =>/);
  });
});
