// `npm run export`: runs the bundled export command (scripts/build-cli.mjs).
// - The bundle is built first when it is missing or older than any source
//   file it is made from (a fresh clone, or after an edit): never stale.
// - V8's compiled code for the bundle is kept beside it and handed back on
//   the next run (what Node 22's module.enableCompileCache does, done here
//   with node:vm so it works on Node 20 too): compiling a megabyte of
//   JavaScript at every start is most of a short command's time.
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { buildCli, cliBundle, cliCodeCache, root } from './build-cli.mjs';

/** The newest modification time of the files the bundle is made from. */
function newestSource() {
  let newest = Math.max(statSync(join(root, 'scripts', 'export.ts')).mtimeMs, statSync(join(root, 'package-lock.json')).mtimeMs);
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, 'shared'));
  walk(join(root, 'electron'));
  return newest;
}

if (!existsSync(cliBundle) || statSync(cliBundle).mtimeMs < newestSource()) await buildCli();

const cachedData = existsSync(cliCodeCache) ? readFileSync(cliCodeCache) : undefined;
const script = new vm.Script(Module.wrap(readFileSync(cliBundle, 'utf8')), { filename: cliBundle, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(cliBundle), module, cliBundle, dirname(cliBundle));
const { code, message } = await module.exports.runExportCli(process.argv.slice(2));
if (code === 0) console.log(message);
else console.error(`meeting-clerk export: ${message}`);
process.exitCode = code;

// After the run, so the cache holds the code the export itself compiled. A failure to write it costs only speed.
if (cachedData === undefined || script.cachedDataRejected) {
  try {
    const partial = `${cliCodeCache}.${process.pid}`;
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cliCodeCache);
  } catch {
    // A read-only checkout: every run compiles afresh.
  }
}
