/**
 * The options every Meeting Clerk window is built with, the application menu
 * and the spell-checker set-up. Kept free of the 'electron' import so unit
 * tests can assert the security settings directly.
 */
import { APP_DICTIONARY_URL } from './app-scheme';

/** What the shell knows about the build and the machine when it opens a window. */
export interface ShellContext {
  /** app.isPackaged: an installed build. DevTools and the developer menu exist only when false. */
  packaged: boolean;
  platform: NodeJS.Platform;
}

/** The safest reading: an installed build (no DevTools). */
const INSTALLED: ShellContext = { packaged: true, platform: 'linux' };

export interface SecureWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    experimentalFeatures: false;
    navigateOnDragDrop: false;
    spellcheck: boolean;
    devTools: boolean;
    safeDialogs: true;
  };
}

export function secureWindowOptions(preloadPath: string, context: ShellContext = INSTALLED): SecureWindowOptions {
  return {
    width: 1280,
    height: 820,
    // Narrow enough to sit beside a Microsoft Teams window.
    minWidth: 420,
    minHeight: 480,
    title: 'Meeting Clerk',
    show: false,
    backgroundColor: '#1e1e1e',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: spellChecking(context.platform).enabled,
      devTools: !context.packaged,
      safeDialogs: true,
    },
  };
}

export interface SpellChecking {
  enabled: boolean;
  /** For session.setSpellCheckerLanguages (a no-op on macOS, where the OS picks the language). */
  languages: string[];
  /** For session.setSpellCheckerDictionaryDownloadURL: never the internet. */
  dictionaryUrl: string;
}

/**
 * macOS and Windows check spelling with the operating system's own checker, which needs no
 * download. Linux has none: Chromium uses a Hunspell dictionary, and the app ships British English
 * (build/dictionaries, copied into the profile by dictionaries.ts before Chromium looks). The
 * dictionary URL points at the app's own scheme, so a download Chromium still tries (a dictionary
 * missing or of another version) stays on the machine and finds nothing.
 */
export function spellChecking(platform: NodeJS.Platform): SpellChecking {
  return { enabled: true, languages: platform === 'darwin' ? [] : ['en-GB'], dictionaryUrl: APP_DICTIONARY_URL };
}

/** Whether Chromium on this platform needs the dictionaries the app ships (only Linux: no OS checker). */
export const usesShippedDictionaries = (platform: NodeJS.Platform): boolean => platform !== 'darwin' && platform !== 'win32';

/** The menu roles a packaged build may have: editing, hiding, quitting and window management. */
export type SafeMenuRole =
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'delete' | 'selectAll'
  | 'about' | 'hide' | 'hideOthers' | 'unhide' | 'quit'
  | 'minimize' | 'zoom' | 'close' | 'front';

export type MenuTemplateItem =
  | { role: SafeMenuRole }
  | { type: 'separator' }
  | { label: string; submenu: MenuTemplateItem[] };

/**
 * The application menu: 'default' keeps Electron's (with DevTools and reload) in a development
 * build; a packaged build has none on Windows and Linux (Chromium handles the editing shortcuts
 * itself) and on macOS only the app, Edit and Window menus, because there Cmd+C, Cmd+V, Cmd+Z and
 * Cmd+Q work only through menu items.
 */
export function applicationMenu(context: ShellContext): 'default' | null | MenuTemplateItem[] {
  if (!context.packaged) return 'default';
  if (context.platform !== 'darwin') return null;
  const separator = { type: 'separator' } as const;
  return [
    { label: 'Meeting Clerk', submenu: [{ role: 'about' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'pasteAndMatchStyle' }, { role: 'delete' }, { role: 'selectAll' }],
    },
    { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'close' }, { role: 'front' }] },
  ];
}
