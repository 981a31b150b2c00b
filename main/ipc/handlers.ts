/**
 * IPC handlers, one per channel of main/ipc-contract.ts. Every call first checks the sender
 * (our main window's top frame on app://), then validates the payload; anything else is
 * rejected with an error the renderer sees as a rejected promise.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type BrowserWindow, dialog, type IpcMainInvokeEvent, ipcMain } from 'electron';
import { IPC_CHANNELS, type OpenedFile, type TokentrailApi } from '../ipc-contract';
import { isTrustedSender, IpcValidationError, validateNoArgs, validatePrintRequest, validateSaveRequest } from './validate';

/**
 * Largest file openFiles returns as bytes. Bigger evidence files are refused with a clear
 * error (import them in web mode / via the CLI, which stream) — a streaming read channel is
 * future work.
 */
export const OPEN_FILE_MAX_BYTES = 512 * 1024 * 1024;
/** Largest total of one openFiles call: all bytes travel through IPC in one message. */
export const OPEN_FILES_TOTAL_MAX_BYTES = 1024 * 1024 * 1024;

export interface HandlerDeps {
  getMainWindow(): BrowserWindow | null;
  devOrigin: string | null;
  appVersion: string;
  printHtmlToPdf(html: string): Promise<Uint8Array>;
  /** Overrides OPEN_FILE_MAX_BYTES / OPEN_FILES_TOTAL_MAX_BYTES (tests). */
  openLimits?: { fileBytes: number; totalBytes: number };
}

type Api = TokentrailApi;
type Handler<K extends keyof Api> = (event: IpcMainInvokeEvent, ...args: unknown[]) => ReturnType<Api[K]>;

function register<K extends keyof Api>(name: K, deps: HandlerDeps, handler: Handler<K>): void {
  ipcMain.handle(IPC_CHANNELS[name], (event, ...args: unknown[]) => {
    const win = deps.getMainWindow();
    const frame = event.senderFrame;
    const trusted = isTrustedSender(
      { webContentsId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame.parent === null },
      win && !win.isDestroyed() ? win.webContents.id : null,
      deps.devOrigin,
    );
    if (!trusted) throw new IpcValidationError(`${name}: call from an untrusted frame refused`);
    return handler(event, ...args);
  });
}

export function registerIpcHandlers(deps: HandlerDeps): void {
  register('appVersion', deps, async (_e, ...args) => {
    validateNoArgs(args);
    return deps.appVersion;
  });

  register('openFiles', deps, async (_e, ...args) => {
    validateNoArgs(args);
    const win = deps.getMainWindow();
    const opts: Electron.OpenDialogOptions = {
      title: 'Open evidence files',
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: 'Logs, tokens and archives', extensions: ['log', 'txt', 'json', 'jsonl', 'gz', 'tgz', 'zst', 'tar', 'zip', 'jwt', 'out', 'err'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    if (res.canceled) return [];
    const limits = deps.openLimits ?? { fileBytes: OPEN_FILE_MAX_BYTES, totalBytes: OPEN_FILES_TOTAL_MAX_BYTES };
    const out: OpenedFile[] = [];
    let total = 0;
    for (const p of res.filePaths) {
      const st = await stat(p);
      if (!st.isFile()) continue;
      if (st.size > limits.fileBytes) {
        throw new Error(`${path.basename(p)} is ${st.size} bytes; files over ${limits.fileBytes} bytes cannot be opened through the dialog`);
      }
      total += st.size;
      if (total > limits.totalBytes) {
        throw new Error(`the chosen files exceed ${limits.totalBytes} bytes together; open fewer at a time`);
      }
      const buf = await readFile(p);
      out.push({ name: path.basename(p), path: p, size: st.size, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) });
    }
    return out;
  });

  register('saveFile', deps, async (_e, ...args) => {
    const req = validateSaveRequest(args[0]);
    if (args.length !== 1) throw new IpcValidationError('saveFile takes one argument');
    const target = await askSavePath(deps, req.suggestedName);
    if (target === null) return null;
    await writeFile(target, req.data);
    return target;
  });

  register('printToPdf', deps, async (_e, ...args) => {
    const req = validatePrintRequest(args[0]);
    if (args.length !== 1) throw new IpcValidationError('printToPdf takes one argument');
    const pdf = await deps.printHtmlToPdf(req.html);
    const name = req.suggestedName.toLowerCase().endsWith('.pdf') ? req.suggestedName : `${req.suggestedName}.pdf`;
    const target = await askSavePath(deps, name);
    if (target === null) return null;
    await writeFile(target, pdf);
    return target;
  });
}

async function askSavePath(deps: HandlerDeps, suggestedName: string): Promise<string | null> {
  const win = deps.getMainWindow();
  const opts: Electron.SaveDialogOptions = { defaultPath: suggestedName, properties: ['createDirectory', 'showOverwriteConfirmation'] };
  const res = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
  return res.canceled || !res.filePath ? null : res.filePath;
}
