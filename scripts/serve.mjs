// `npm run serve` (after building the renderer): runs the bundled browser
// host (scripts/bundles.mjs), rebuilt when stale and started from V8's cached
// code (scripts/run-bundle.mjs), so the host is ready in a fraction of the
// time tsx takes to compile its sources.
import { loadBundle } from './run-bundle.mjs';

const { exports, keepCompiledCode } = await loadBundle('host');
if (await exports.runHostCli(process.argv.slice(2))) keepCompiledCode();
