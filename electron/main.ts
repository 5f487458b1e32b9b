/**
 * The Electron shell: one hardened window over the local services. Everything
 * below this file runs in plain Node and is tested there.
 */
import { app, BrowserWindow, dialog, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { databaseFile, parseFlags, resolveDataDir, UsageError } from './config/data-dir';
import { electronPdf } from './export/pdf-electron';
import { setDesktopPdfMaker } from './export/pdf';
import { registerIpc } from './ipc';
import { guardNavigation } from './security/navigation';
import { isPermissionAllowed, isTrustedAppUrl } from './security/trusted-url';
import { secureWindowOptions } from './security/window-options';
import { startRuntime, type Runtime } from './runtime';
import { InstanceLockError } from './store/instance-lock';
import { StoreOpenError } from './store/open-store';

const root = join(__dirname, '..');
const indexFile = join(root, 'dist', 'renderer', 'index.html');
const indexUrl = pathToFileURL(indexFile).toString();

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

function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, indexUrl));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(secureWindowOptions(join(__dirname, 'preload.cjs')));
  win.webContents.session.setSpellCheckerLanguages(['en-GB']);
  win.once('ready-to-show', () => win.show());
  void win.loadFile(indexFile);
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
    registerIpc(runtime.services, (url) => isTrustedAppUrl(url, indexUrl));
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
