// The bundled browser host (what scripts/serve.mjs runs) with its own view of
// its memory printed on request: scripts/bench/host-memory.ts sends SIGUSR2
// and reads one JSON line of process.memoryUsage() and V8's heap spaces from
// stderr. A tool for the memory figure, never the app's own start.
import v8 from 'node:v8';
import { loadBundle } from '../run-bundle.mjs';

process.on('SIGUSR2', () => {
  if (process.env.PROBE_GC === '1' && typeof globalThis.gc === 'function') globalThis.gc();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, Math.round(s.space_size / 1048576)]));
  const m = process.memoryUsage();
  const mb = (x) => Math.round(x / 1048576);
  console.error(`PROBE ${JSON.stringify({ rss: mb(m.rss), heapTotal: mb(m.heapTotal), heapUsed: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), spaces })}`);
});
const { exports } = await loadBundle('host');
await exports.runHostCli(process.argv.slice(2));
