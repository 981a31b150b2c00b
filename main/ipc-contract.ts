/**
 * The one list of IPC channels between renderer and main, with request and response types.
 * Main registers handlers from it; the preload exposes one named function per channel; the
 * renderer's web mode implements the same `TokentrailApi` without Electron.
 */
export interface OpenedFile {
  name: string;
  /** Absolute path on desktop; the file name in web mode. */
  path: string;
  size: number;
  bytes: Uint8Array;
}

export interface SaveRequest {
  suggestedName: string;
  /** Text or bytes to write. */
  data: string | Uint8Array;
}

export interface TokentrailApi {
  /** Native open dialog; resolves to the chosen files (empty when cancelled). */
  openFiles(): Promise<OpenedFile[]>;
  /** Native save dialog; resolves to the saved path, or null when cancelled. */
  saveFile(req: SaveRequest): Promise<string | null>;
  /** Prints the given self-contained HTML to PDF and asks where to save it. */
  printToPdf(req: { html: string; suggestedName: string }): Promise<string | null>;
  appVersion(): Promise<string>;
}

export const IPC_CHANNELS = {
  openFiles: 'tokentrail:open-files',
  saveFile: 'tokentrail:save-file',
  printToPdf: 'tokentrail:print-to-pdf',
  appVersion: 'tokentrail:app-version',
} as const satisfies Record<keyof TokentrailApi, string>;
