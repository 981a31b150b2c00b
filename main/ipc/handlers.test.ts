import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot start here; `electron` is replaced by recorders so the real handlers.ts runs:
// ipcMain.handle collects the handlers, dialog answers are scripted per test.
const registered = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
const dialogAnswers = { open: { canceled: false, filePaths: [] as string[] }, save: { canceled: false, filePath: '' } };
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => registered.set(channel, fn) },
  dialog: {
    showOpenDialog: async () => dialogAnswers.open,
    showSaveDialog: async () => dialogAnswers.save,
  },
}));

const { registerIpcHandlers } = await import('./handlers');
const { IPC_CHANNELS } = await import('../ipc-contract');

const MAIN_ID = 7;
const mainWindow = { isDestroyed: () => false, webContents: { id: MAIN_ID } };
const printed: string[] = [];
registerIpcHandlers({
  getMainWindow: () => mainWindow as never,
  devOrigin: null,
  appVersion: '0.1.0',
  printHtmlToPdf: async (html) => {
    printed.push(html);
    return new TextEncoder().encode('%PDF-1.7 fake');
  },
});

function sender(over: { id?: number; url?: string | null; mainFrame?: boolean } = {}) {
  const url = over.url === undefined ? 'app://tokentrail/index.html' : over.url;
  return {
    sender: { id: over.id ?? MAIN_ID },
    senderFrame: url === null ? null : { url, parent: over.mainFrame === false ? {} : null },
  };
}
const call = (name: keyof typeof IPC_CHANNELS, event: unknown, ...args: unknown[]) => {
  const fn = registered.get(IPC_CHANNELS[name]);
  if (!fn) throw new Error(`no handler for ${name}`);
  return Promise.resolve().then(() => fn(event, ...args));
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tokentrail-ipc-'));
  printed.length = 0;
});

describe('IPC handlers', () => {
  it('registers exactly one handler per contract channel', () => {
    expect([...registered.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it.each([
    ['another webContents', { id: 8 }],
    ['a subframe', { mainFrame: false }],
    ['a page that navigated away', { url: 'https://example.org/' }],
    ['another app:// host', { url: 'app://evil/index.html' }],
    ['a destroyed frame', { url: null }],
  ])('refuses every channel from %s', async (_label, over) => {
    for (const name of Object.keys(IPC_CHANNELS) as (keyof typeof IPC_CHANNELS)[]) {
      await expect(call(name, sender(over)), name).rejects.toThrow(/untrusted/);
    }
  });

  it('appVersion answers our window and refuses arguments', async () => {
    await expect(call('appVersion', sender())).resolves.toBe('0.1.0');
    await expect(call('appVersion', sender(), 'x')).rejects.toThrow(/no arguments/);
  });

  it('saveFile validates before any dialog and writes where the user chose', async () => {
    dialogAnswers.save = { canceled: false, filePath: path.join(dir, 'out.json') };
    await expect(call('saveFile', sender(), { suggestedName: '../../etc/x', data: 'a' })).rejects.toThrow(/path separators/);
    await expect(call('saveFile', sender(), { suggestedName: 'a.json', data: {} })).rejects.toThrow(/string or Uint8Array/);
    await expect(call('saveFile', sender(), { suggestedName: 'a.json', data: '{}' }, 'extra')).rejects.toThrow(/one argument/);
    await expect(call('saveFile', sender(), { suggestedName: 'a.json', data: '{"a":1}' })).resolves.toBe(path.join(dir, 'out.json'));
    expect(readFileSync(path.join(dir, 'out.json'), 'utf8')).toBe('{"a":1}');
    dialogAnswers.save = { canceled: true, filePath: '' };
    await expect(call('saveFile', sender(), { suggestedName: 'a.json', data: 'x' })).resolves.toBeNull();
  });

  it('printToPdf validates, renders and saves with a .pdf name', async () => {
    await expect(call('printToPdf', sender(), { html: 42, suggestedName: 'r' })).rejects.toThrow(/html must be a string/);
    expect(printed).toHaveLength(0);
    dialogAnswers.save = { canceled: false, filePath: path.join(dir, 'r.pdf') };
    await expect(call('printToPdf', sender(), { html: '<p>r</p>', suggestedName: 'r' })).resolves.toBe(path.join(dir, 'r.pdf'));
    expect(printed).toEqual(['<p>r</p>']);
    expect(readFileSync(path.join(dir, 'r.pdf'), 'utf8')).toBe('%PDF-1.7 fake');
  });

  it('openFiles takes no arguments and returns the chosen files as bytes', async () => {
    await expect(call('openFiles', sender(), { path: '/etc/passwd' })).rejects.toThrow(/no arguments/);
    const f = path.join(dir, 'pilot.log');
    writeFileSync(f, 'line 1\n');
    dialogAnswers.open = { canceled: false, filePaths: [f, dir] };
    const files = (await call('openFiles', sender())) as { name: string; size: number; bytes: Uint8Array }[];
    expect(files.map((x) => [x.name, x.size])).toEqual([['pilot.log', 7]]);
    expect(new TextDecoder().decode(files[0]?.bytes)).toBe('line 1\n');
    dialogAnswers.open = { canceled: true, filePaths: [] };
    await expect(call('openFiles', sender())).resolves.toEqual([]);
  });

  it('openFiles refuses a file over the per-file cap and a selection over the total cap', async () => {
    registerIpcHandlers({ getMainWindow: () => mainWindow as never, devOrigin: null, appVersion: '0.1.0', printHtmlToPdf: async () => new Uint8Array(), openLimits: { fileBytes: 10, totalBytes: 15 } });
    const a = path.join(dir, 'a.log');
    const b = path.join(dir, 'b.log');
    writeFileSync(a, '12345678');
    writeFileSync(b, 'x'.repeat(11));
    dialogAnswers.open = { canceled: false, filePaths: [b] };
    await expect(call('openFiles', sender())).rejects.toThrow(/b\.log is 11 bytes/);
    dialogAnswers.open = { canceled: false, filePaths: [a, a] };
    await expect(call('openFiles', sender())).rejects.toThrow(/exceed 15 bytes together/);
    dialogAnswers.open = { canceled: false, filePaths: [a] };
    await expect(call('openFiles', sender())).resolves.toHaveLength(1);
  });
});
