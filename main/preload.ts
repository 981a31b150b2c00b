/**
 * Sandboxed preload (emitted as CommonJS): exposes exactly the named functions of
 * `TokentrailApi` as `window.tokentrail`. No generic invoke/send is exposed, so the renderer can
 * reach no channel beyond these four; main validates every payload again.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type OpenedFile, type SaveRequest, type TokentrailApi } from './ipc-contract';

const api: TokentrailApi = {
  openFiles: (): Promise<OpenedFile[]> => ipcRenderer.invoke(IPC_CHANNELS.openFiles),
  saveFile: (req: SaveRequest): Promise<string | null> => ipcRenderer.invoke(IPC_CHANNELS.saveFile, req),
  printToPdf: (req: { html: string; suggestedName: string }): Promise<string | null> => ipcRenderer.invoke(IPC_CHANNELS.printToPdf, req),
  appVersion: (): Promise<string> => ipcRenderer.invoke(IPC_CHANNELS.appVersion),
};

contextBridge.exposeInMainWorld('tokentrail', Object.freeze(api));
