/**
 * The `protocol.handle('app', …)` handler as a plain function of (request, renderer dir, file
 * reader): resolves the path safely (resolve-app-path.ts) and adds the security headers to
 * every response, errors included. Node 20+ has the Web `Response`, so it is unit-tested
 * without Electron.
 */
import { securityHeaders } from '../security/csp';
import { resolveAppPath } from './resolve-app-path';

export type ReadFile = (filePath: string) => Promise<Uint8Array>;

export async function serveAppRequest(url: string, rendererDir: string, readFile: ReadFile): Promise<Response> {
  const r = resolveAppPath(url, rendererDir);
  if (!r.ok) return new Response('Not found', { status: r.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() } });
  let body: Uint8Array;
  try {
    body = await readFile(r.filePath);
  } catch {
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() } });
  }
  // Copy into a plain ArrayBuffer-backed view: a Node Buffer may be a slice of a shared pool.
  return new Response(new Uint8Array(body), { status: 200, headers: { 'Content-Type': r.mimeType, ...securityHeaders() } });
}
