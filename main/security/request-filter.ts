import { APP_HOST, parseUrl } from './origin';

export type RequestDecision = { cancel: false } | { cancel: true; reason: string };

export interface RequestFilterOptions {
  /**
   * Origin of the Vite dev server (http://localhost:5173), only when main runs unpackaged
   * with ELECTRON_RENDERER_URL set. Never set in a packaged app.
   */
  devOrigin?: string | null;
}

/**
 * Decision for `session.webRequest.onBeforeRequest`: tokentrail works offline, so every request
 * that is not to our own app:// origin is cancelled — http(s), ws(s), ftp, file, devtools,
 * chrome-extension, other hosts on app:. `blob:` and `data:` are allowed: they are in-memory
 * (workers from blob:, image previews), reach no network, and the CSP limits where they load.
 */
export function decideRequest(rawUrl: string, opts: RequestFilterOptions = {}): RequestDecision {
  const u = parseUrl(rawUrl);
  if (u === null) return { cancel: true, reason: 'unparseable URL' };
  switch (u.protocol) {
    case 'app:':
      return u.host === APP_HOST ? { cancel: false } : { cancel: true, reason: 'foreign app:// host' };
    case 'blob:':
      // blob:app://tokentrail/<uuid> — only blobs minted by our own origin.
      return rawUrl.startsWith(`blob:app://${APP_HOST}/`)
        ? { cancel: false }
        : { cancel: true, reason: 'blob from another origin' };
    case 'data:':
      return { cancel: false };
    case 'http:':
    case 'https:':
    case 'ws:':
    case 'wss:':
      if (opts.devOrigin && sameDevOrigin(u, opts.devOrigin)) return { cancel: false };
      return { cancel: true, reason: 'network request (tokentrail is offline)' };
    default:
      return { cancel: true, reason: `scheme ${u.protocol} not allowed` };
  }
}

function sameDevOrigin(u: URL, devOrigin: string): boolean {
  const dev = parseUrl(devOrigin);
  if (dev === null) return false;
  const devHosts = new Set(['localhost', '127.0.0.1', '[::1]']);
  if (!devHosts.has(dev.hostname) || u.hostname !== dev.hostname || u.port !== dev.port) return false;
  // Vite's HMR socket uses ws: on the same host and port.
  return u.protocol === dev.protocol || (dev.protocol === 'http:' && u.protocol === 'ws:');
}
