/** The renderer's only origin. `app:` is registered as standard + secure in main.ts. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tokentrail';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Parses a URL, or null when it is not one (never throws). */
export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True when `raw` is on our app:// origin (scheme and host both match). */
export function isAppUrl(raw: string): boolean {
  const u = parseUrl(raw);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
}

/**
 * The URL as it may appear in a log line: scheme, host and path only. Query strings,
 * fragments and user:password parts can carry tokens (redaction invariant), so they go.
 */
export function urlForLog(raw: string): string {
  const u = parseUrl(raw);
  if (u === null) return '<unparseable url>';
  if (u.protocol === 'data:') return 'data:<…>';
  if (u.protocol === 'blob:') return 'blob:<…>';
  const host = u.host ? `//${u.host}` : u.protocol === 'file:' ? '//' : '';
  return `${u.protocol}${host}${u.pathname}`;
}
