/**
 * The `TokentrailApi` in a plain browser (web mode, also how the UI is tested): file inputs for
 * open, a Blob download for save, the browser's print dialog for PDF.
 */
import type { OpenedFile, SaveRequest, TokentrailApi } from '../../../main/ipc-contract';
import { TOOL_VERSION } from '../../../src/model';

/** Opens the browser's file (or folder) chooser; resolves to the chosen files, [] when cancelled. */
export function pickFiles(opts: { directory?: boolean } = {}): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    if (opts.directory) input.webkitdirectory = true;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve([...(input.files ?? [])]);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

/** Path shown for a picked or dropped file: its folder-relative path when it has one. */
export function displayPath(f: File): string {
  return f.webkitRelativePath || f.name;
}

export async function toOpened(f: File): Promise<OpenedFile> {
  return { name: f.name, path: displayPath(f), size: f.size, bytes: new Uint8Array(await f.arrayBuffer()) };
}

/** Starts a download of `data` named `name`. */
export function download(name: string, data: string | Uint8Array, mime = 'application/octet-stream'): void {
  // A copy into a fresh ArrayBuffer: Blob wants ArrayBuffer-backed views.
  const part = typeof data === 'string' ? data : new Uint8Array(data);
  const url = URL.createObjectURL(new Blob([part], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Prints self-contained HTML through a hidden iframe (the user picks "Save as PDF"). */
export function printHtml(html: string): Promise<void> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;width:0;height:0;border:0;visibility:hidden';
    frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
    frame.srcdoc = html;
    frame.addEventListener('load', () => {
      frame.contentWindow?.print();
      setTimeout(() => frame.remove(), 1000);
      resolve();
    });
    document.body.append(frame);
  });
}

export const webApi: TokentrailApi = {
  async openFiles() {
    return Promise.all((await pickFiles()).map(toOpened));
  },
  async saveFile(req: SaveRequest) {
    download(req.suggestedName, req.data);
    return req.suggestedName;
  },
  async printToPdf(req) {
    await printHtml(req.html);
    return null;
  },
  async appVersion() {
    return TOOL_VERSION;
  },
};
