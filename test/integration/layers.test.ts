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
