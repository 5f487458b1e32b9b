/**
 * The browser host run from source (tests, and `tsx electron/host/cli.ts`);
 * `npm run serve` runs the same command from its bundle (scripts/serve.mjs).
 */
import { runHostCli } from './run-host';

void runHostCli(process.argv.slice(2));
