// `npm run export`: runs the bundled export command (scripts/bundles.mjs),
// rebuilt when stale and started from V8's cached code (scripts/run-bundle.mjs).
import { loadBundle } from './run-bundle.mjs';

const { exports, keepCompiledCode } = await loadBundle('export');
const { code, message } = await exports.runExportCli(process.argv.slice(2));
if (code === 0) console.log(message);
else console.error(`meeting-clerk export: ${message}`);
process.exitCode = code;
keepCompiledCode();
