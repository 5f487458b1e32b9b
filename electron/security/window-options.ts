/**
 * The options every Meeting Clerk window is built with. Kept free of the
 * 'electron' import so unit tests can assert the security settings directly.
 */
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
    safeDialogs: true;
  };
}

export function secureWindowOptions(preloadPath: string): SecureWindowOptions {
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
      spellcheck: true,
      safeDialogs: true,
    },
  };
}
