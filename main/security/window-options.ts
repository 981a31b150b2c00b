import type { WebPreferences } from 'electron';

/**
 * webPreferences of the main window: the renderer is an untrusted web page that talks to main
 * only through the preload's named functions. Each value is spelled out even where it is the
 * Electron default, so a future default change or a careless edit is caught by the test.
 */
export function mainWindowWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
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
    safeDialogs: true,
    spellcheck: false,
    // No middle-click "open in new window" path at all (setWindowOpenHandler denies it anyway).
    disableBlinkFeatures: 'Auxclick',
    devTools,
  };
}

/**
 * webPreferences of the hidden window that renders report HTML for printToPDF: the same
 * hardening, no preload (it needs no API) and JavaScript off (a report is static HTML).
 */
export function printWindowWebPreferences(): WebPreferences {
  const { preload: _preload, ...rest } = mainWindowWebPreferences('', false);
  return { ...rest, javascript: false, images: true };
}
