/**
 * Renders report HTML to PDF in a hidden window: own in-memory session, JavaScript off, the same
 * request blocking, and the HTML served from app://tokentrail/print.html on that session (no
 * data: URL size limits, no file on disk). Its CSP allows no script at all.
 */
import { BrowserWindow, session } from 'electron';
import { hardenSession, hardenWebContents } from './harden';
import { APP_ORIGIN } from './security/origin';
import { printWindowWebPreferences } from './security/window-options';

const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";
let counter = 0;

export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const ses = session.fromPartition(`tokentrail-print-${++counter}`, { cache: false });
  hardenSession(ses, null);
  ses.protocol.handle('app', (req) =>
    req.url === `${APP_ORIGIN}/print.html`
      ? new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CSP } })
      : new Response('Not found', { status: 404 }),
  );
  const win = new BrowserWindow({ show: false, webPreferences: { ...printWindowWebPreferences(), session: ses } });
  hardenWebContents(win.webContents, null);
  try {
    await win.loadURL(`${APP_ORIGIN}/print.html`);
    const pdf = await win.webContents.printToPDF({ printBackground: true });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    win.destroy();
    ses.protocol.unhandle('app');
  }
}
