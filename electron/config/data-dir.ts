/**
 * Where the clerk's database lives. The same rules serve the desktop app, the
 * browser host and the command-line tools: --data flag, then the
 * MEETING_CLERK_DATA environment variable, then the per-user app data folder
 * (the one Electron calls userData), so all three see the same records.
 */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export const DATA_ENV = 'MEETING_CLERK_DATA';
export const DATABASE_FILE_NAME = 'meeting-clerk.sqlite';
const APP_FOLDER = 'Meeting Clerk';

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  const config = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, APP_FOLDER);
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedFlags {
  values: Record<string, string>;
  switches: Set<string>;
}

/**
 * Strict flag parser: "--name value" or "--name=value" for known value flags,
 * bare "--name" for known switches. Anything else is a usage error.
 */
export function parseFlags(argv: string[], valueFlags: string[], switchFlags: string[] = []): ParsedFlags {
  const values: Record<string, string> = {};
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`Unexpected argument "${arg}"`);
    const [, name, inline] = match as unknown as [string, string, string | undefined];
    if (switchFlags.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      switches.add(name);
    } else if (valueFlags.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
        throw new UsageError(`--${name} needs a value`);
      }
      values[name] = value;
    } else {
      const known = [...valueFlags, ...switchFlags].map((f) => `--${f}`).join(', ');
      throw new UsageError(`Unknown option --${name}${known ? ` (known: ${known})` : ''}`);
    }
  }
  return { values, switches };
}

export function resolveDataDir(flagValue: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flagValue ?? (env[DATA_ENV] || undefined);
  return chosen ? resolve(chosen) : defaultDataDir(process.platform, env);
}

export const databaseFile = (dataDir: string) => join(dataDir, DATABASE_FILE_NAME);
