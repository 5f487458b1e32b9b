/**
 * The service layer's shape: feature modules (one per area of the contract)
 * never import each other; they stand on the low-level modules below them
 * (lookups, agenda order, attendance operations, the record loader, guards,
 * rows, context). Read from the real import graph with madge.
 */
import madge from 'madge';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FEATURES = [
  'agenda-items',
  'approval',
  'attendance',
  'bodies',
  'declarations',
  'imports',
  'live-meeting',
  'meetings',
  'members',
  'minuting',
  'phrases',
  'search',
  'settings',
].map((name) => `electron/services/${name}.ts`);

describe('the service layer', () => {
  it('has feature modules that never import one another, and no import cycle', async () => {
    const root = join(__dirname, '..', '..');
    const graph = await madge(join(root, 'electron', 'services'), { baseDir: root, fileExtensions: ['ts'], tsConfig: join(root, 'tsconfig.json') });
    const deps = graph.obj();
    for (const feature of FEATURES) expect(Object.keys(deps), feature).toContain(feature);
    const crossings = FEATURES.flatMap((feature) => (deps[feature] ?? []).filter((dep) => FEATURES.includes(dep)).map((dep) => `${feature} imports ${dep}`));
    expect(crossings).toEqual([]);
    expect(graph.circular()).toEqual([]);
  });
});

describe('the renderer', () => {
  it('carries no validation library: calls are validated by the service layer, and zod would be parsed at every start', async () => {
    const { build } = await import('esbuild');
    const root = join(__dirname, '..', '..');
    const result = await build({
      entryPoints: [join(root, 'renderer', 'src', 'main.tsx')],
      bundle: true,
      write: false,
      metafile: true,
      outdir: join(root, '.tmp', 'layers-renderer'),
      loader: { '.png': 'empty', '.svg': 'empty', '.css': 'empty', '.md': 'text' },
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    // The graph was really read: the app and React are in it.
    expect(inputs.some((f) => f.endsWith('renderer/src/App.tsx'))).toBe(true);
    expect(inputs.some((f) => f.includes('node_modules/react-dom/'))).toBe(true);
    expect(inputs.filter((f) => f.includes('node_modules/zod/'))).toEqual([]);
  });
});

describe('a start of the app or the browser host', () => {
  /** Files reached from an entry by static imports only (a dynamic import() is loaded when first called). */
  async function loadedAtStart(entry: string): Promise<string[]> {
    const { build } = await import('esbuild');
    const root = join(__dirname, '..', '..');
    const result = await build({
      entryPoints: [join(root, entry)],
      bundle: true,
      write: false,
      metafile: true,
      outfile: join(root, '.tmp', 'layers-start', 'start.cjs'),
      platform: 'node',
      format: 'cjs',
      external: ['better-sqlite3', 'electron'],
      define: { 'import.meta.url': '__url' },
      logLevel: 'silent',
    });
    const inputs = result.metafile.inputs;
    const reached = new Set([entry]);
    const queue = [entry];
    while (queue.length > 0) {
      for (const dep of inputs[queue.shift()!]?.imports ?? []) {
        if (dep.kind === 'dynamic-import' || dep.external || reached.has(dep.path)) continue;
        reached.add(dep.path);
        queue.push(dep.path);
      }
    }
    return [...reached];
  }

  for (const entry of ['electron/host/run-host.ts', 'electron/main.ts']) {
    it(`${entry} loads no Word writer or XML parser until a document is written or read (electron/export/word-writers.ts)`, async () => {
      const files = await loadedAtStart(entry);
      // The graph was really walked: the services and the store are loaded at start.
      expect(files).toContain('electron/services/index.ts');
      expect(files.some((f) => f.includes('node_modules/zod/'))).toBe(true);
      expect(files.filter((f) => /node_modules\/(docx|@xmldom\/xmldom|fflate)\//.test(f))).toEqual([]);
    });
  }
});
