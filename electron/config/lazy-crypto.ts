/**
 * node:crypto, loaded when something first hashes or draws a random name
 * rather than when a bundle starts: loading it is some 6 ms of every start of
 * the bundled commands (`npm run export`, `npm run serve`), and most starts
 * use it for one temporary file name at most. Every build reads it the same
 * way: Node's process.getBuiltinModule (Node 20.16 and later, Electron), else
 * a require made for the working folder (a built-in module is found without
 * looking at any file). The browser host's token stays with its own import.
 */
import { loadBuiltin } from './builtin';

type Crypto = typeof import('node:crypto');
let loaded: Crypto | undefined;

function nodeCrypto(): Crypto {
  loaded ??= loadBuiltin<Crypto>('node:crypto');
  return loaded;
}

/** `bytes` random bytes as hex, for temporary names and lock tokens (crypto.randomBytes). */
export const randomHex = (bytes: number): string => nodeCrypto().randomBytes(bytes).toString('hex');

/** A file's SHA-256 as hex. */
export const sha256Hex = (data: Uint8Array): string => nodeCrypto().createHash('sha256').update(data).digest('hex');
