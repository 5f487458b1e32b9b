/**
 * The Electron shell: one hardened window over the local services. Everything
 * below this file runs in plain Node and is tested there.
 */
import { app, BrowserWindow, dialog, Menu, protocol, session, shell as electronShell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { databaseFile, parseFlags, resolveDataDir, UsageError } from './config/data-dir';
import { electronPdf } from './export/pdf-electron';
import { setDesktopPdfMaker } from './export/pdf';
import { registerIpc } from './ipc';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppSchemeHandler } from './security/app-scheme';
import { seedDictionaries } from './security/dictionaries';
import { guardNavigation } from './security/navigation';
import { isRequestAllowed } from './security/request-filter';
import { isPermissionAllowed, isTrustedAppUrl } from './security/trusted-url';
import { applicationMenu, secureWindowOptions, spellChecking, usesShippedDictionaries, type ShellContext } from './security/window-options';
import { startRuntime, type Runtime } from './runtime';
import { InstanceLockError } from './store/instance-lock';
import { StoreOpenError } from './store/open-store';

const root = join(__dirname, '..');
const rendererDir = join(root, 'dist', 'renderer');
const shell = (): ShellContext => ({ packaged: app.isPackaged, platform: process.platform });

// Before ready: the page's origin is app://meeting-clerk, a standard, secure scheme (file:// would
// block the page's module script with the grantFileProtocolExtraPrivileges fuse off).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

/** better-sqlite3 built for Electron's ABI, kept apart from the Node build. */
function electronNativeBinding(): string | undefined {
  const candidates = [join(process.resourcesPath, 'native', 'better_sqlite3.node'), join(root, 'native', 'electron', 'better_sqlite3.node')];
  return candidates.find((file) => existsSync(file));
}

function dataDirFromArgs(): string {
  // Electron puts its own switches first; ours come after the app path.
  const ours = process.argv.slice(app.isPackaged ? 1 : 2).filter((arg) => !arg.startsWith('--inspect'));
  const flags = parseFlags(ours, ['data']);
  return flags.values.data || process.env.MEETING_CLERK_DATA ? resolveDataDir(flags.values.data) : app.getPath('userData');
}

/**
 * Linux: the shipped British English dictionary goes into the profile's Dictionaries folder before
 * the session starts, so Chromium finds it there and downloads nothing. A failure only costs
 * spell-checking (the download address stays on the app's own scheme).
 */
function seedShippedDictionaries(): void {
  if (!usesShippedDictionaries(process.platform)) return;
  const shipped = app.isPackaged ? join(process.resourcesPath, 'dictionaries') : join(root, 'build', 'dictionaries');
  try {
    const result = seedDictionaries(shipped, join(app.getPath('userData'), 'Dictionaries'));
    if (result.missing.length) console.error(`Meeting Clerk: no spell-checking dictionary ${result.missing.join(', ')} in ${shipped}`);
  } catch (error) {
    console.error(`Meeting Clerk: could not set up the spell-checking dictionary: ${(error as Error).message}`);
  }
}

function hardenSessions(): void {
  const ses = session.defaultSession;
  const { packaged } = shell();
  // First: Chromium schedules a Hunspell dictionary download as the session starts, whatever the
  // window's spellcheck setting; pointed at the app's own scheme, it can never reach the internet.
  const spelling = spellChecking(process.platform);
  if (process.platform !== 'darwin') ses.setSpellCheckerDictionaryDownloadURL(spelling.dictionaryUrl);
  ses.protocol.handle(APP_SCHEME, createAppSchemeHandler({ root: rendererDir }));
  // No network request, ever: only the app's own scheme gets through (electron/security/request-filter.ts).
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isRequestAllowed(details.url, { packaged }) }));
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  ses.setDevicePermissionHandler(() => false);
  ses.setSpellCheckerEnabled(spelling.enabled);
  if (spelling.languages.length) ses.setSpellCheckerLanguages(spelling.languages);
  // The covering note's mailto: link goes to the email program; every other link stays blocked.
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, APP_INDEX_URL, (url) => void electronShell.openExternal(url)));
}

function setApplicationMenu(): void {
  const menu = applicationMenu(shell());
  if (menu === 'default') return;
  Menu.setApplicationMenu(menu && Menu.buildFromTemplate(menu));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(secureWindowOptions(join(__dirname, 'preload.cjs'), shell()));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
  return win;
}

function fatal(title: string, message: string): never {
  dialog.showErrorBox(title, message);
  app.exit(1);
  throw new Error(message);
}

// British dates and spelling in date pickers and the spellchecker.
app.commandLine.appendSwitch('lang', 'en-GB');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  seedShippedDictionaries();
  let runtime: Runtime | undefined;
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  // Wait for a backup under way, then close the database and release the lock.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !runtime) return;
    event.preventDefault();
    void runtime.close().finally(() => {
      closed = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    hardenSessions();
    setApplicationMenu();
    // Published PDFs are printed by Electron itself in the desktop app.
    setDesktopPdfMaker(electronPdf);
    try {
      const dataDir = dataDirFromArgs();
      runtime = startRuntime({
        dbFile: databaseFile(dataDir),
        nativeBinding: electronNativeBinding(),
        transport: 'electron',
        version: app.getVersion(),
        // The always-on-top toggle keeps the window above a Teams call.
        window: {
          setAlwaysOnTop: (on) => {
            const win = BrowserWindow.getAllWindows()[0];
            win?.setAlwaysOnTop(on, 'floating');
            return win?.isAlwaysOnTop() ?? false;
          },
        },
      });
    } catch (error) {
      // A database that cannot be opened does not end here: the window opens on the recovery screen.
      if (error instanceof InstanceLockError) fatal('Meeting Clerk is already open', error.message);
      if (error instanceof StoreOpenError || error instanceof UsageError) fatal('Meeting Clerk cannot open its data', error.message);
      throw error;
    }
    registerIpc(runtime.services, (url) => isTrustedAppUrl(url, APP_INDEX_URL));
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
