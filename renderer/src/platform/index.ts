/**
 * The platform the renderer runs on: the desktop preload's `window.tokentrail` when present,
 * otherwise the web-mode implementation. The rest of the UI only sees `TokentrailApi`.
 */
import type { TokentrailApi } from '../../../main/ipc-contract';
import { webApi } from './web';

declare global {
  interface Window {
    tokentrail?: TokentrailApi;
  }
}

export function platform(): TokentrailApi {
  return window.tokentrail ?? webApi;
}

/** True in the desktop app (native dialogs); false in a browser. */
export function isDesktop(): boolean {
  return window.tokentrail !== undefined;
}

export { displayPath, download, pickFiles } from './web';
export { filesFromDrop } from './drop';
