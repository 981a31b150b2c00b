import type { SaveRequest } from '../ipc-contract';
import { isAppUrl } from '../security/origin';

/** Limits on what the renderer may hand to main in one call. */
export const LIMITS = {
  fileNameChars: 255,
  saveBytes: 512 * 1024 * 1024,
  pdfHtmlChars: 50 * 1024 * 1024,
};
export type Limits = typeof LIMITS;

export class IpcValidationError extends Error {
  override name = 'IpcValidationError';
}

/** A plain file name: no path separators, no `..`, no control characters, ≤ 255 chars. */
export function validateFileName(v: unknown): string {
  if (typeof v !== 'string') throw new IpcValidationError('suggestedName must be a string');
  if (v.length === 0 || v.length > LIMITS.fileNameChars) {
    throw new IpcValidationError(`suggestedName must be 1–${LIMITS.fileNameChars} characters`);
  }
  if (/[/\\\u0000-\u001f\u007f]/.test(v) || v === '.' || v === '..') {
    throw new IpcValidationError('suggestedName must be a plain file name without path separators');
  }
  return v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

function rejectExtraKeys(o: Record<string, unknown>, allowed: string[]): void {
  const extra = Object.keys(o).filter((k) => !allowed.includes(k));
  if (extra.length > 0) throw new IpcValidationError(`unexpected field(s): ${extra.join(', ')}`);
}

export function validateSaveRequest(v: unknown, limits: Limits = LIMITS): SaveRequest {
  if (!isPlainObject(v)) throw new IpcValidationError('saveFile expects { suggestedName, data }');
  rejectExtraKeys(v, ['suggestedName', 'data']);
  const suggestedName = validateFileName(v.suggestedName);
  const data = v.data;
  if (typeof data === 'string') {
    // UTF-8 needs at most 3 bytes per UTF-16 unit; check the cheap bound first.
    if (data.length * 3 > limits.saveBytes && new TextEncoder().encode(data).byteLength > limits.saveBytes) {
      throw new IpcValidationError(`data exceeds ${limits.saveBytes} bytes`);
    }
  } else if (data instanceof Uint8Array) {
    if (data.byteLength > limits.saveBytes) throw new IpcValidationError(`data exceeds ${limits.saveBytes} bytes`);
  } else {
    throw new IpcValidationError('data must be a string or Uint8Array');
  }
  return { suggestedName, data };
}

export function validatePrintRequest(v: unknown, limits: Limits = LIMITS): { html: string; suggestedName: string } {
  if (!isPlainObject(v)) throw new IpcValidationError('printToPdf expects { html, suggestedName }');
  rejectExtraKeys(v, ['html', 'suggestedName']);
  if (typeof v.html !== 'string') throw new IpcValidationError('html must be a string');
  if (v.html.length > limits.pdfHtmlChars) throw new IpcValidationError(`html exceeds ${limits.pdfHtmlChars} characters`);
  return { html: v.html, suggestedName: validateFileName(v.suggestedName) };
}

export function validateNoArgs(args: unknown[]): void {
  if (args.length !== 0) throw new IpcValidationError('this call takes no arguments');
}

/** What main knows about the sender of an IPC message. */
export interface SenderInfo {
  webContentsId: number;
  /** URL of the sending frame (null when the frame is gone). */
  frameUrl: string | null;
  /** True when the sending frame is the top frame of its webContents. */
  isMainFrame: boolean;
}

/**
 * Only our main window's top frame, while it shows our app:// origin, may call main. Subframes,
 * other webContents (the print window) and any page that navigated elsewhere are refused.
 */
export function isTrustedSender(s: SenderInfo, mainWebContentsId: number | null, devOrigin: string | null = null): boolean {
  if (mainWebContentsId === null || s.webContentsId !== mainWebContentsId || !s.isMainFrame || s.frameUrl === null) {
    return false;
  }
  if (isAppUrl(s.frameUrl)) return true;
  if (devOrigin) {
    try {
      return new URL(s.frameUrl).origin === new URL(devOrigin).origin;
    } catch {
      return false;
    }
  }
  return false;
}
