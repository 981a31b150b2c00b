/**
 * Electron main: one hardened window showing the renderer from app://tokentrail. All security
 * decisions live in main/security/ and main/protocol/ as pure, unit-tested functions; this file
 * only wires them to Electron.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, protocol, session } from 'electron';
import { hardenSession, hardenWebContents } from './harden';
import { registerIpcHandlers } from './ipc/handlers';
import { printHtmlToPdf } from './print';
import { serveAppRequest } from './protocol/serve-app';
import { APP_INDEX_URL, APP_SCHEME } from './security/origin';
import { mainWindowWebPreferences } from './security/window-options';

// A dev server only for an unpackaged run that electron-vite started; never in a packaged app.
const devUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
const devOrigin = devUrl ? new URL(devUrl).origin : null;
const rendererDir = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, '../preload/preload.js');

app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
]);

let mainWindow: BrowserWindow | null = null;

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'tokentrail',
    webPreferences: mainWindowWebPreferences(preloadPath, !app.isPackaged),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(devUrl ?? APP_INDEX_URL);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  // Every webContents, whoever creates it, gets the same navigation/window/webview rules.
  // A webContents on some other session (a partition nobody hardened) gets the session rules too.
  app.on('web-contents-created', (_event, contents) => {
    hardenSession(contents.session, devOrigin);
    hardenWebContents(contents, devOrigin);
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, devOrigin);
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, rendererDir, readFile));
    registerIpcHandlers({ getMainWindow: () => mainWindow, devOrigin, appVersion: app.getVersion(), printHtmlToPdf });
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
