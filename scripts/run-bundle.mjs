// Loads a bundled command (scripts/bundles.mjs) the fast way:
// - The bundle is built first when it is missing or older than any source
//   file it is made from (a fresh clone, or after an edit): never stale.
// - V8's compiled code for the bundle is kept beside it and handed back on
//   the next run (what Node 22's module.enableCompileCache does, done here
//   with node:vm so it works on Node 20 too): compiling a megabyte of
//   JavaScript at every start is most of a short command's time.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';
import { buildBundle, bundleFile, codeCacheFile, newestSource, parseWorkerFile } from './bundles.mjs';

/**
 * Returns the bundle's exports, and `keepCompiledCode()` to call once the
 * command has done its work (so the cache holds the code it compiled).
 */
export async function loadBundle(name) {
  const file = bundleFile(name);
  const cacheFile = codeCacheFile(name);
  if (!existsSync(file) || !existsSync(parseWorkerFile()) || statSync(file).mtimeMs < newestSource(name)) await buildBundle(name);
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const keepCompiledCode = () => {
    if (cachedData !== undefined && !script.cachedDataRejected) return;
    try {
      const partial = `${cacheFile}.${process.pid}`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile);
    } catch {
      // A read-only checkout: every run compiles afresh. It costs only speed.
    }
  };
  return { exports: module.exports, keepCompiledCode };
}
