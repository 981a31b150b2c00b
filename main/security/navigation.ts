import { APP_HOST, parseUrl } from './origin';

/**
 * will-navigate / will-redirect: stay on our app:// origin (in-app routing and reload).
 * Everything else — web links, file://, javascript:, other app:// hosts — is refused; the
 * renderer shows links as text, it never navigates away.
 */
export function isNavigationAllowed(rawUrl: string, devOrigin: string | null = null): boolean {
  const u = parseUrl(rawUrl);
  if (u === null) return false;
  if (u.protocol === 'app:' && u.host === APP_HOST) return true;
  if (devOrigin) {
    const dev = parseUrl(devOrigin);
    return dev !== null && (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === dev.origin;
  }
  return false;
}

/** setWindowOpenHandler: no new windows, ever (no popups, no target=_blank). */
export function windowOpenDecision(_rawUrl: string): { action: 'deny' } {
  return { action: 'deny' };
}
