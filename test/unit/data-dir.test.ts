import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_ENV, databaseFile, defaultDataDir, parseFlags, resolveDataDir, UsageError } from '../../electron/config/data-dir';

function usageError(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError, but nothing was thrown');
}

describe('parseFlags', () => {
  it('reads "--data x"', () => {
    expect(parseFlags(['--data', 'x'], ['data']).values).toEqual({ data: 'x' });
  });

  it('reads "--data=x", keeping any further "=" in the value', () => {
    expect(parseFlags(['--data=x'], ['data']).values).toEqual({ data: 'x' });
    expect(parseFlags(['--data=/a=b/c'], ['data']).values).toEqual({ data: '/a=b/c' });
  });

  it('reads several flags and switches', () => {
    const flags = parseFlags(['--port', '8080', '--data=/tmp/d', '--verbose'], ['data', 'port'], ['verbose']);
    expect(flags.values).toEqual({ data: '/tmp/d', port: '8080' });
    expect([...flags.switches]).toEqual(['verbose']);
  });

  it('reads nothing from no arguments', () => {
    const flags = parseFlags([], ['data']);
    expect(flags.values).toEqual({});
    expect(flags.switches.size).toBe(0);
  });

  it('refuses an unknown flag, naming it and the known ones', () => {
    const error = usageError(() => parseFlags(['--dta', 'x'], ['data', 'port']));
    expect(error.message).toBe('Unknown option --dta (known: --data, --port)');
    expect(error.name).toBe('UsageError');
  });

  it('refuses a flag with no value', () => {
    expect(usageError(() => parseFlags(['--data'], ['data'])).message).toBe('--data needs a value');
    expect(usageError(() => parseFlags(['--data='], ['data'])).message).toBe('--data needs a value');
    expect(usageError(() => parseFlags(['--data', '--port', '1'], ['data', 'port'])).message).toBe('--data needs a value');
  });

  it('refuses stray arguments and values on switches', () => {
    expect(usageError(() => parseFlags(['somewhere'], ['data'])).message).toBe('Unexpected argument "somewhere"');
    expect(usageError(() => parseFlags(['-d', 'x'], ['data'])).message).toMatch(/Unexpected argument "-d"/);
    expect(usageError(() => parseFlags(['--verbose=yes'], [], ['verbose'])).message).toBe('--verbose takes no value');
  });
});

describe('resolveDataDir', () => {
  it('prefers the flag over the environment', () => {
    expect(resolveDataDir('/from/flag', { [DATA_ENV]: '/from/env' })).toBe(resolve('/from/flag'));
  });

  it('resolves a relative flag against the working directory', () => {
    expect(resolveDataDir('relative/data', {})).toBe(resolve('relative/data'));
  });

  it('uses MEETING_CLERK_DATA when there is no flag', () => {
    expect(DATA_ENV).toBe('MEETING_CLERK_DATA');
    expect(resolveDataDir(undefined, { MEETING_CLERK_DATA: '/from/env' })).toBe(resolve('/from/env'));
  });

  it('falls back to the per-user default, read from the same environment', () => {
    const env = { XDG_CONFIG_HOME: '/xdg/config', APPDATA: 'C:\\Users\\clerk\\AppData\\Roaming' };
    expect(resolveDataDir(undefined, env)).toBe(defaultDataDir(process.platform, env));
    expect(resolveDataDir(undefined, { ...env, [DATA_ENV]: '' })).toBe(defaultDataDir(process.platform, env));
  });
});

describe('defaultDataDir', () => {
  const home = '/home/clerk';

  it('linux: $XDG_CONFIG_HOME/Meeting Clerk, else ~/.config/Meeting Clerk', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, home)).toBe(join('/xdg', 'Meeting Clerk'));
    expect(defaultDataDir('linux', {}, home)).toBe(join(home, '.config', 'Meeting Clerk'));
    // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: 'relative' }, home)).toBe(join(home, '.config', 'Meeting Clerk'));
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '' }, home)).toBe(join(home, '.config', 'Meeting Clerk'));
  });

  it('win32: %APPDATA%\\Meeting Clerk, else the roaming folder under home', () => {
    expect(defaultDataDir('win32', { APPDATA: '/appdata/Roaming' }, home)).toBe(join('/appdata/Roaming', 'Meeting Clerk'));
    expect(defaultDataDir('win32', {}, home)).toBe(join(home, 'AppData', 'Roaming', 'Meeting Clerk'));
  });

  it('darwin: ~/Library/Application Support/Meeting Clerk', () => {
    expect(defaultDataDir('darwin', { XDG_CONFIG_HOME: '/xdg', APPDATA: '/appdata' }, home)).toBe(
      join(home, 'Library', 'Application Support', 'Meeting Clerk'),
    );
  });

  it('defaults to the real home folder', () => {
    expect(defaultDataDir('darwin', {})).toBe(join(homedir(), 'Library', 'Application Support', 'Meeting Clerk'));
  });
});

describe('databaseFile', () => {
  it('is meeting-clerk.sqlite inside the data folder', () => {
    expect(databaseFile('/data')).toBe(join('/data', 'meeting-clerk.sqlite'));
  });
});
