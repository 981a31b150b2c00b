/**
 * Applies the pure decisions of main/security/ to Electron sessions and webContents.
 * Kept apart from main.ts so every window (main, print) gets exactly the same treatment.
 */
import type { Session, WebContents } from 'electron';
import { isNavigationAllowed, windowOpenDecision } from './security/navigation';
import { urlForLog } from './security/origin';
import { isPermissionGranted } from './security/permissions';
import { decideRequest } from './security/request-filter';

const hardened = new WeakSet<Session>();

/** Idempotent: web-contents-created calls it for every webContents' session. */
export function hardenSession(ses: Session, devOrigin: string | null): void {
  if (hardened.has(ses)) return;
  hardened.add(ses);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const d = decideRequest(details.url, { devOrigin });
    if (d.cancel) console.warn(`tokentrail: blocked request to ${urlForLog(details.url)} (${d.reason})`);
    callback({ cancel: d.cancel });
  });
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}

export function hardenWebContents(contents: WebContents, devOrigin: string | null): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isNavigationAllowed(url, devOrigin)) {
      event.preventDefault();
      console.warn(`tokentrail: blocked navigation to ${urlForLog(url)}`);
    }
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-frame-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`tokentrail: blocked window.open of ${urlForLog(url)}`);
    return windowOpenDecision(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
