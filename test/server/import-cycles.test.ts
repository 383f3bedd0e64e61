// No import cycles in what ships: the two cloud functions are bundled the way
// scripts/build-cloud.mjs does it, in memory, and the runtime import graph of the src/ files in
// esbuild's metafile must have no cycle. Type-only imports are not in that graph (esbuild drops them),
// which is the same choice as the no-circular rule in .dependency-cruiser.cjs.
import { build } from 'esbuild';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const ENTRIES = ['cloudfunctions/api/index.ts', 'cloudfunctions/scheduler/index.ts'];

type Graph = Map<string, string[]>;

/** The import cycles of a graph, each closed on its first file: the strongly connected components
 * (Tarjan), then inside each one the shortest cycle through each of its files. */
function findCycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;

  const connect = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfImport = (graph.get(v) ?? []).includes(v);
      if (component.length > 1 || selfImport) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);

  // Within each component, the shortest cycle through each of its files (breadth first), each cycle
  // listed once, starting from its smallest file name.
  const seen = new Set<string>();
  const cycles: string[][] = [];
  for (const component of components) {
    const inside = new Set(component);
    for (const start of [...component].sort()) {
      const cycle = shortestCycle(graph, inside, start);
      const at = cycle.indexOf([...cycle].sort()[0]);
      const canonical = [...cycle.slice(at), ...cycle.slice(0, at)];
      const key = canonical.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      cycles.push([...canonical, canonical[0]]);
    }
  }
  return cycles.sort((a, b) => a.join(' ').localeCompare(b.join(' ')));
}

/** The files of the shortest cycle from start back to start inside one component (start not repeated). */
function shortestCycle(graph: Graph, inside: Set<string>, start: string): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i];
    for (const w of graph.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0])!);
        return path;
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start]; // not reached: every file of a component lies on a cycle
}

async function srcImportGraph(entryPoints: string[]): Promise<Graph> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints,
    outdir: 'out', // never written: write is false
    write: false,
    metafile: true,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    // build-cloud.mjs bundles npm packages too; they can't import src/, so leaving them out changes
    // nothing in the graph below and keeps this test fast.
    packages: 'external',
    external: ['wx-server-sdk'],
    logLevel: 'silent',
  });
  const isSrc = (file: string) => file.startsWith('src/');
  const graph: Graph = new Map();
  for (const [file, input] of Object.entries(result.metafile!.inputs)) {
    if (!isSrc(file)) continue;
    graph.set(file, [...new Set(input.imports.filter((i) => !i.external && isSrc(i.path)).map((i) => i.path))]);
  }
  return graph;
}

describe('the import graph of the cloud functions', () => {
  it('should find a cycle in a made-up graph, so an empty answer means something', () => {
    const graph: Graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(findCycles(graph)).toEqual([
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
      ['e.ts', 'e.ts'],
    ]);
    // Two cycles sharing a file are both named.
    const twoLoops: Graph = new Map([
      ['a.ts', ['b.ts', 'c.ts']],
      ['b.ts', ['a.ts']],
      ['c.ts', ['d.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(findCycles(twoLoops)).toEqual([
      ['a.ts', 'b.ts', 'a.ts'],
      ['a.ts', 'c.ts', 'd.ts', 'a.ts'],
    ]);
    expect(findCycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([]);
  });

  it('should have no cycle among the src/ files either cloud function bundles', async () => {
    const graph = await srcImportGraph(ENTRIES);
    expect(graph.has('src/server/dispatch.ts')).toBe(true); // the bundle really went through src/

    const cycles = findCycles(graph);
    const report = cycles.map((cycle) => `  ${cycle.join('\n    → ')}`).join('\n\n');
    if (cycles.length > 0) {
      throw new Error(`${cycles.length} import cycle(s) among the bundled src/ files:\n\n${report}\n`);
    }
  });
});
