import type { Session, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents } from './harden';

// Plain-object stand-ins recording what harden.ts registers, so the wiring to Electron's session
// and webContents hooks is checked where Electron cannot start.
type Listener = (...args: never[]) => unknown;

function fakeSession() {
  const handlers: Record<string, Listener> = {};
  const ses = {
    webRequest: { onBeforeRequest: (l: Listener) => (handlers.beforeRequest = l) },
    setPermissionRequestHandler: (l: Listener) => (handlers.permissionRequest = l),
    setPermissionCheckHandler: (l: Listener) => (handlers.permissionCheck = l),
    setDevicePermissionHandler: (l: Listener) => (handlers.devicePermission = l),
    on: (name: string, l: Listener) => (handlers[name] = l),
  };
  return { ses: ses as unknown as Session, handlers };
}

function fakeContents() {
  const listeners: Record<string, Listener[]> = {};
  let openHandler: Listener | null = null;
  const wc = {
    on: (name: string, l: Listener) => {
      listeners[name] = [...(listeners[name] ?? []), l];
    },
    setWindowOpenHandler: (l: Listener) => (openHandler = l),
  };
  /** Fires an event like Electron does; true when some listener called preventDefault. */
  const emit = (name: string, url?: string): boolean => {
    let prevented = false;
    const event = { url, preventDefault: () => (prevented = true) };
    for (const l of listeners[name] ?? []) (l as (e: typeof event) => void)(event);
    return prevented;
  };
  return { wc: wc as unknown as WebContents, emit, open: (url: string) => (openHandler as unknown as (d: { url: string }) => unknown)({ url }) };
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

describe('hardenSession', () => {
  it('cancels non-app requests, logs them without query string, and allows app://', () => {
    const { ses, handlers } = fakeSession();
    hardenSession(ses, null);
    const decide = (url: string) => {
      let result: unknown;
      (handlers.beforeRequest as unknown as (d: { url: string }, cb: (r: unknown) => void) => void)({ url }, (r) => (result = r));
      return result;
    };
    expect(decide('https://iam.example.org/token?access_token=abc.def.ghi')).toEqual({ cancel: true });
    expect(decide('ws://127.0.0.1:9/')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    expect(decide('app://tokentrail/index.html')).toEqual({ cancel: false });
    const logged = warn.mock.calls.map((c: unknown[]) => String(c[0])).join('\n');
    expect(logged).toContain('https://iam.example.org/token');
    expect(logged).not.toContain('access_token');
  });

  it('denies permission requests, checks, devices and downloads', () => {
    const { ses, handlers } = fakeSession();
    hardenSession(ses, null);
    let granted: unknown = 'unset';
    (handlers.permissionRequest as unknown as (...a: unknown[]) => void)({}, 'media', (g: boolean) => (granted = g), { requestingUrl: 'app://tokentrail/' });
    expect(granted).toBe(false);
    expect((handlers.permissionCheck as unknown as (...a: unknown[]) => boolean)({}, 'clipboard-read', 'app://tokentrail')).toBe(false);
    expect((handlers.devicePermission as unknown as () => boolean)()).toBe(false);
    let prevented = false;
    (handlers['will-download'] as unknown as (e: { preventDefault(): void }) => void)({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('is applied once per session', () => {
    const { ses, handlers } = fakeSession();
    hardenSession(ses, null);
    const first = handlers.beforeRequest;
    hardenSession(ses, 'http://localhost:5173');
    expect(handlers.beforeRequest).toBe(first);
  });
});

describe('hardenWebContents', () => {
  it('blocks navigation and redirects off app://, denies window.open and webviews', () => {
    const { wc, emit, open } = fakeContents();
    hardenWebContents(wc, null);
    for (const ev of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(emit(ev, 'https://example.org/'), ev).toBe(true);
      expect(emit(ev, 'file:///etc/passwd'), ev).toBe(true);
      expect(emit(ev, 'app://tokentrail/index.html#/case/1'), ev).toBe(false);
    }
    expect(open('https://example.org/')).toEqual({ action: 'deny' });
    expect(open('app://tokentrail/index.html')).toEqual({ action: 'deny' });
    expect(emit('will-attach-webview')).toBe(true);
  });
});
