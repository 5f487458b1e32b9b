// `npm start`: build, then open the desktop window. Without the Electron
// binary it explains itself in one line and points to the browser host.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronBinary } from './electron-binary.mjs';

const binary = electronBinary();
if (!binary) {
  console.error('meeting-clerk: the Electron binary is not installed on this machine (offline install?); run `npm run serve` to use Meeting Clerk in your browser instead.');
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (script) => {
  const result = spawnSync(npm, ['run', script], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('build');
if (!existsSync('native/electron/better_sqlite3.node')) run('build:native-electron');

const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
