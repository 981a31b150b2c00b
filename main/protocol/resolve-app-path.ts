import path from 'node:path';
import { APP_HOST } from '../security/origin';

export type Resolution = { ok: true; filePath: string; mimeType: string } | { ok: false; status: 400 | 404; reason: string };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(filePath: string): string {
  return MIME[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps `app://tokentrail/<path>` to a file inside `rootDir` (the packaged renderer directory),
 * or a 400/404. Refuses: other schemes and hosts, `..` in any spelling (literal, %2e%2e,
 * %2f-encoded separators, backslashes), NUL bytes, and anything that resolves outside rootDir.
 * Only the path counts; query and fragment are ignored. `/` serves index.html.
 */
export function resolveAppPath(rawUrl: string, rootDir: string): Resolution {
  let u: URL;
  try {
    u = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (u.protocol !== 'app:' || u.host !== APP_HOST) return { ok: false, status: 404, reason: 'not our origin' };
  // Take the path from the raw string: the URL parser silently folds `..` and `%2e%2e`
  // segments, and a request that tried to climb out is refused, not clamped.
  const rawPath = rawPathOf(rawUrl) ?? u.pathname;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400, reason: 'forbidden character' };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 404, reason: 'dot segment' };
  if (decoded.includes('//')) return { ok: false, status: 404, reason: 'empty path segment' };
  let rel = segments.filter((s) => s !== '').join('/');
  if (rel === '') rel = 'index.html';
  if (/^[a-zA-Z]:/.test(rel)) return { ok: false, status: 404, reason: 'drive path' };
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, rel);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) {
    return { ok: false, status: 404, reason: 'outside renderer directory' };
  }
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) };
}

/** The path part of `app://tokentrail/...` exactly as written (before ?/#), or null. */
function rawPathOf(rawUrl: string): string | null {
  const prefix = `app://${APP_HOST}`;
  if (rawUrl.slice(0, prefix.length).toLowerCase() !== prefix) return null;
  const rest = rawUrl.slice(prefix.length);
  const end = rest.search(/[?#]/);
  const p = end === -1 ? rest : rest.slice(0, end);
  return p === '' ? '/' : p;
}
