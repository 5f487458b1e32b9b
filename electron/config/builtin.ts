/**
 * A Node built-in module loaded when first needed rather than when a bundle starts. Read the same way in every build:
 * Node's process.getBuiltinModule (Node 20.16 and later, Electron), else a require made for the working folder (a
 * built-in module is found without looking at any file). Never `await import('node:…')`: the bundled commands run
 * their bundle through node:vm with V8's code cache, where a dynamic import has no loader and fails ("A dynamic import
 * callback was not specified").
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

export function loadBuiltin<T>(name: `node:${string}`): T {
  return (process.getBuiltinModule?.(name) as T | undefined) ?? (createRequire(join(process.cwd(), 'meeting-clerk.cjs'))(name) as T);
}
