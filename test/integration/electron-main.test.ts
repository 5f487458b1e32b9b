/**
 * electron/main.ts run for real, bundled as `npm run build:electron` bundles it, against a
 * stand-in for the 'electron' module that records what the shell asks of it (Electron itself
 * cannot run on the build machines). Checks the wiring the security modules' own tests cannot:
 * the scheme registered before ready and served from the renderer folder, the page loaded from
 * it, the request filter and permission handlers on the session, the spell-checker's dictionary
 * address, DevTools and the menu by build, and the IPC trust check on the app page's URL.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');
const betterSqlite = createRequire(join(repo, 'package.json')).resolve('better-sqlite3');

type Listener = (...args: unknown[]) => unknown;

/** The parts of Electron main.ts uses, each recording its calls in `calls` (in order). */
function fakeElectron(options: { packaged: boolean; userData: string }) {
  const calls: { name: string; args: unknown[] }[] = [];
  const record = (name: string) => (...args: unknown[]) => {
    calls.push({ name, args });
  };
  const appListeners = new Map<string, Listener[]>();
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  let quit!: () => void;
  const quitPromise = new Promise<void>((resolve) => (quit = resolve));
  let isReady = false;
  const windows: FakeWindow[] = [];

  class FakeWindow {
    loaded: string[] = [];
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      calls.push({ name: 'new BrowserWindow', args: [options] });
      windows.push(this);
    }
    webContents = { session: {} };
    once() {}
    show() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.loaded.push(`loadFile:${file}`);
      return Promise.resolve();
    }
    static getAllWindows() {
      return windows;
    }
  }

  const defaultSession = {
    protocol: { handle: record('session.protocol.handle') },
    webRequest: { onBeforeRequest: record('session.webRequest.onBeforeRequest') },
    setPermissionRequestHandler: record('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: record('session.setPermissionCheckHandler'),
    setDevicePermissionHandler: record('session.setDevicePermissionHandler'),
    setSpellCheckerDictionaryDownloadURL: record('session.setSpellCheckerDictionaryDownloadURL'),
    setSpellCheckerEnabled: record('session.setSpellCheckerEnabled'),
    setSpellCheckerLanguages: record('session.setSpellCheckerLanguages'),
  };

  const electron = {
    app: {
      isPackaged: options.packaged,
      commandLine: { appendSwitch: record('app.commandLine.appendSwitch') },
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => appListeners.set(event, [...(appListeners.get(event) ?? []), listener]),
      whenReady: () => readyPromise,
      getPath: () => options.userData,
      getVersion: () => '0.0.0-test',
      quit: (...args: unknown[]) => {
        calls.push({ name: 'app.quit', args });
        quit();
      },
      exit: record('app.exit'),
    },
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: record('dialog.showErrorBox') },
    Menu: { setApplicationMenu: record('Menu.setApplicationMenu'), buildFromTemplate: (template: unknown) => ({ template }) },
    protocol: {
      registerSchemesAsPrivileged: (...args: unknown[]) => calls.push({ name: 'protocol.registerSchemesAsPrivileged', args: [...args, { beforeReady: !isReady }] }),
    },
    session: { defaultSession },
    ipcMain: { handle: record('ipcMain.handle') },
  };

  const fakeResult = {
    electron,
    calls,
    windows,
    find: (name: string) => calls.find((c) => c.name === name),
    emit: (event: string, ...args: unknown[]) => (appListeners.get(event) ?? []).map((l) => l(...args)),
    /** Resolves once main.ts calls app.quit() (after closing the database on will-quit). */
    quitted: quitPromise,
    userData: options.userData,
    /** What the profile's Dictionaries folder held when 'ready' came. */
    seededBeforeReady: [] as string[],
    makeReady: async () => {
      const dictionaries = join(options.userData, 'Dictionaries');
      if (existsSync(dictionaries)) fakeResult.seededBeforeReady.push(...readdirSync(dictionaries));
      isReady = true;
      ready();
      // Let whenReady's callback run.
      await readyPromise;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
  return fakeResult;
}

type Fake = ReturnType<typeof fakeElectron>;

let work: string;
let bundle: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'clerk-electron-main-'));
  // The layout main.cjs expects: dist-electron/main.cjs beside dist/renderer/.
  mkdirSync(join(work, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(work, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Meeting Clerk test page</title>');
  writeFileSync(join(work, 'secret.txt'), 'not for the page');
  // A packaged app's resources folder, with its dictionary (resources/dictionaries).
  mkdirSync(join(work, 'resources', 'dictionaries'), { recursive: true });
  writeFileSync(join(work, 'resources', 'dictionaries', 'en-GB-10-1.bdic'), 'shipped dictionary');
  bundle = join(work, 'dist-electron', 'main.cjs');
  await build({
    entryPoints: [join(repo, 'electron', 'main.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
    external: ['electron', 'better-sqlite3'],
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the bundled main.cjs with the fake Electron, up to and after 'ready'; closes its database after. */
async function runMain(packaged: boolean, use: (fake: Fake) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(work, 'data-'));
  const fake = fakeElectron({ packaged, userData: dataDir });
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = loader._load;
  const originalArgv = process.argv;
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  loader._load = function (request: string, ...rest: unknown[]) {
    if (request === 'electron') return fake.electron;
    // The bundle sits in a temporary folder: the repository's better-sqlite3 (Node build) stands in.
    if (request === 'better-sqlite3') return originalLoad.call(this, betterSqlite, ...rest);
    return originalLoad.call(this, request, ...rest);
  };
  (process as { resourcesPath?: string }).resourcesPath = join(work, 'resources');
  process.argv = packaged ? [process.execPath, '--data', dataDir] : [process.execPath, '.', '--data', dataDir];
  const require = createRequire(bundle);
  try {
    delete require.cache[bundle];
    require(bundle);
    await fake.makeReady();
    await use(fake);
  } finally {
    // Close the database as quitting would.
    let prevented = false;
    fake.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (prevented) await fake.quitted;
    loader._load = originalLoad;
    process.argv = originalArgv;
    (process as { resourcesPath?: string }).resourcesPath = resources;
  }
}

describe('electron/main.ts, packaged', () => {
  it('registers app:// as a privileged standard, secure, fetch-capable scheme before ready', async () => {
    await runMain(true, async (fake) => {
      const registered = fake.find('protocol.registerSchemesAsPrivileged');
      expect(registered?.args[0]).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }]);
      expect(registered?.args[1]).toEqual({ beforeReady: true });
    });
  });

  it('serves the renderer folder on app:// and loads the page from there, not from a file', async () => {
    await runMain(true, async (fake) => {
      const handle = fake.find('session.protocol.handle');
      expect(handle?.args[0]).toBe('app');
      const handler = handle?.args[1] as (request: { url: string; method?: string }) => Promise<Response>;
      const page = await handler({ url: 'app://meeting-clerk/index.html', method: 'GET' });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Meeting Clerk test page');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      const outside = await handler({ url: 'app://meeting-clerk/..%2f..%2fsecret.txt', method: 'GET' });
      expect(outside.status).toBeGreaterThanOrEqual(400);

      expect(fake.windows).toHaveLength(1);
      expect(fake.windows[0]!.loaded).toEqual(['app://meeting-clerk/index.html']);
    });
  });

  it('cancels every request but the app scheme, and refuses permissions', async () => {
    await runMain(true, async (fake) => {
      const filter = fake.find('session.webRequest.onBeforeRequest')?.args[0] as (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
      const verdict = (url: string) => {
        let answer: { cancel: boolean } | undefined;
        filter({ url }, (r) => (answer = r));
        return answer;
      };
      expect(verdict('app://meeting-clerk/assets/index.js')).toEqual({ cancel: false });
      expect(verdict('https://redirector.gvt1.com/edgedl/chrome/dict/en-gb-10-1.bdic')).toEqual({ cancel: true });
      expect(verdict('http://127.0.0.1:9222/json')).toEqual({ cancel: true });
      expect(verdict('devtools://devtools/bundled/devtools_app.html')).toEqual({ cancel: true });

      const request = fake.find('session.setPermissionRequestHandler')?.args[0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
      let granted: boolean | undefined;
      request({}, 'media', (ok) => (granted = ok));
      expect(granted).toBe(false);
      const check = fake.find('session.setPermissionCheckHandler')?.args[0] as (c: unknown, p: string) => boolean;
      expect(check({}, 'notifications')).toBe(false);
    });
  });

  it('points the dictionary download at the app scheme before anything else on the session', async () => {
    await runMain(true, async (fake) => {
      const sessionCalls = fake.calls.filter((c) => c.name.startsWith('session.'));
      if (process.platform !== 'darwin') {
        expect(sessionCalls[0]).toEqual({ name: 'session.setSpellCheckerDictionaryDownloadURL', args: ['app://meeting-clerk/dictionaries/'] });
      }
      expect(fake.find('session.setSpellCheckerEnabled')?.args).toEqual([true]);
      const languages = fake.find('session.setSpellCheckerLanguages');
      expect(languages?.args ?? []).toEqual(process.platform === 'darwin' ? [] : [['en-GB']]);
    });
  });

  it.runIf(process.platform === 'linux')('on Linux, copies the shipped dictionary into the profile before the app is ready', async () => {
    await runMain(true, async (fake) => {
      expect(fake.seededBeforeReady).toEqual(['en-GB-10-1.bdic']);
      expect(readFileSync(join(fake.userData, 'Dictionaries', 'en-GB-10-1.bdic'), 'utf8')).toBe('shipped dictionary');
    });
  });

  it('turns DevTools off and replaces the default menu', async () => {
    await runMain(true, async (fake) => {
      const options = fake.find('new BrowserWindow')?.args[0] as { webPreferences: Record<string, unknown> };
      expect(options.webPreferences).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
      const menu = fake.find('Menu.setApplicationMenu');
      expect(menu).toBeDefined();
      if (process.platform !== 'darwin') expect(menu?.args).toEqual([null]);
    });
  });

  it('lets only the app page call the API', async () => {
    await runMain(true, async (fake) => {
      const handler = fake.find('ipcMain.handle')?.args[1] as (event: unknown, name: unknown, input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
      const from = (url: string) => ({ senderFrame: { parent: null, url } });
      expect(await handler(from('app://meeting-clerk/index.html'), 'bodies.list', {})).toMatchObject({ ok: true });
      expect(await handler(from('file:///opt/Meeting%20Clerk/dist/renderer/index.html'), 'bodies.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
      expect(await handler(from('app://meeting-clerk/other.html'), 'bodies.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    });
  });
});

describe('electron/main.ts, development (npm start)', () => {
  it('keeps DevTools and the default menu, and still serves the page from app://', async () => {
    await runMain(false, async (fake) => {
      const options = fake.find('new BrowserWindow')?.args[0] as { webPreferences: Record<string, unknown> };
      expect(options.webPreferences.devTools).toBe(true);
      expect(fake.find('Menu.setApplicationMenu')).toBeUndefined();
      expect(fake.windows[0]!.loaded).toEqual(['app://meeting-clerk/index.html']);
      const filter = fake.find('session.webRequest.onBeforeRequest')?.args[0] as (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
      let answer: { cancel: boolean } | undefined;
      filter({ url: 'devtools://devtools/bundled/devtools_app.html' }, (r) => (answer = r));
      expect(answer).toEqual({ cancel: false });
      filter({ url: 'https://example.com/' }, (r) => (answer = r));
      expect(answer).toEqual({ cancel: true });
    });
  });
});
