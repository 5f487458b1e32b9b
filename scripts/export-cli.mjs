// `npm run export`: runs the bundled export command (scripts/bundles.mjs),
// rebuilt when stale and started from V8's cached code (scripts/run-bundle.mjs).
import v8 from 'node:v8';
import { loadBundle } from './run-bundle.mjs';

// A short command that allocates many short-lived XML strings and objects: a larger young generation
// means fewer scavenges (GC was ~12 % of a profiled export; 3 of 4 interleaved runs were 15-20 % faster).
// Not for the long-running host, whose resident size counts against its memory goal.
v8.setFlagsFromString('--max-semi-space-size=32');

const { exports, keepCompiledCode } = await loadBundle('export');
const { code, message } = await exports.runExportCli(process.argv.slice(2));
keepCompiledCode();
// The file is written and the database closed: the process ends once its line is out, rather than staying for the
// garbage collector's work V8 would otherwise finish first (a full collection, some 10 ms, after every export).
const out = code === 0 ? process.stdout : process.stderr;
out.write(`${code === 0 ? message : `meeting-clerk export: ${message}`}\n`, () => process.exit(code));
