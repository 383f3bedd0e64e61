// A subscription message sent before the case page moved to its subpackage still names
// pages/case/index. WeChat finds no such page in the build and raises the app's onPageNotFound
// listener (wx.onPageNotFound: { path, query, isEntryPage }), which must redirect at once, inside the
// listener. Here WeChat's part is played against the real weapp build: the path is looked up in the
// build's app.json, the listener src/app/app.ts registered is raised, and its redirect opens the page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ActionName } from '../../src/contract';
import { fail, ok } from '../../src/contract';
import { renameCase, whoami } from '../app/fixtures';
import { DIST, ensureWeappBuild, startApp } from './harness';

jest.setTimeout(300_000);

type NotFound = { path: string; query: Record<string, string>; isEntryPage: boolean };
type Nav = { url: string; success?: (r: unknown) => void; fail?: (r: unknown) => void };

/** Every page path of the build, as WeChat reads app.json. */
function builtPages(): Set<string> {
  const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: { root: string; pages: string[] }[] };
  return new Set([...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]);
}

function parse(url: string): { route: string; query: Record<string, string> } {
  const [p, q = ''] = url.split('?');
  return { route: p.replace(/^\//, ''), query: Object.fromEntries(new URLSearchParams(q)) };
}

describe('an old stored path to the case page', () => {
  beforeAll(() => ensureWeappBuild());

  it('should land on the case page in its subpackage with the same id, and a path that is gone nowhere at all on 首页', async () => {
    const pages = builtPages();
    const gets: string[] = [];
    const callFunction = jest.fn(async ({ data }: { data: { action: ActionName; data: Record<string, unknown> } }) => {
      if (data.action === 'cases.get') {
        gets.push(String(data.data.caseId));
        return { result: ok(renameCase({ id: String(data.data.caseId), title: '张伟 申请改名为“张伟-市场部-1024”' })) };
      }
      if (data.action === 'session.whoami') return { result: ok(whoami()) };
      return { result: fail('UNKNOWN_ACTION') };
    });
    const listeners: ((r: NotFound) => void)[] = [];
    const opened: { route: string; query: Record<string, string> }[] = [];
    // WeChat's redirectTo: a page of the build opens, any other path fails.
    const redirectTo = jest.fn((o: Nav) => {
      const to = parse(o.url);
      if (!pages.has(to.route)) return o.fail?.({ errMsg: `redirectTo:fail page "${to.route}" is not found` });
      opened.push(to);
      o.success?.({ errMsg: 'redirectTo:ok' });
    });
    const reLaunch = jest.fn((o: Nav) => o.success?.({ errMsg: 'reLaunch:ok' }));
    const { simulate, openPage } = startApp({
      cloud: { init: jest.fn(), callFunction },
      onPageNotFound: (cb: (r: NotFound) => void) => listeners.push(cb),
      redirectTo,
      reLaunch,
      showToast: jest.fn(),
    });
    expect(listeners).toHaveLength(1);

    /** WeChat opening a path from a message: the page when the build has it, else the not-found listeners. */
    const open = (url: string) => {
      const to = parse(url);
      if (pages.has(to.route)) return openPage(to.route, to.query);
      for (const l of listeners) l({ path: to.route, query: to.query, isEntryPage: true });
      return null;
    };

    expect(pages.has('pages/case/index')).toBe(false);
    expect(open('pages/case/index?id=rn_7')).toBeNull();
    // Redirected inside the listener, as WeChat requires (a later redirect is ignored).
    expect(redirectTo).toHaveBeenCalledTimes(1);
    expect(redirectTo.mock.calls[0][0].url).toBe('/packages/case/pages/case/index?id=rn_7');
    expect(opened).toEqual([{ route: 'packages/case/pages/case/index', query: { id: 'rn_7' } }]);

    // The page it lands on shows that case.
    const page = openPage(opened[0].route, opened[0].query);
    for (let i = 0; i < 100 && !page.dom!.textContent!.includes('张伟-市场部-1024'); i++) await simulate.sleep(20);
    expect(gets).toEqual(['rn_7']);
    expect(page.dom!.textContent).toContain('张伟-市场部-1024');

    // A path that no longer exists anywhere: the redirect fails, and 首页 opens instead of WeChat's error page.
    open('pages/gone/index?id=x');
    for (let i = 0; i < 50 && !reLaunch.mock.calls.length; i++) await simulate.sleep(20);
    expect(redirectTo.mock.calls[1][0].url).toBe('/pages/gone/index?id=x');
    expect(reLaunch.mock.calls.map((c) => c[0].url)).toEqual(['/pages/home/index']);
  });
});
