import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import config from '../../electron.config';
import { CONTENT_SECURITY_POLICY, parseCsp, securityHeaders } from './csp';
import { isNavigationAllowed, windowOpenDecision } from './navigation';
import { urlForLog } from './origin';
import { isPermissionGranted } from './permissions';
import { decideRequest } from './request-filter';
import { mainWindowWebPreferences, printWindowWebPreferences } from './window-options';

describe('window options', () => {
  it('main window is isolated, sandboxed, without node and with the preload', () => {
    const p = mainWindowWebPreferences('/app/out/preload/preload.js', false);
    expect(p).toMatchObject({
      preload: '/app/out/preload/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(p.enableBlinkFeatures).toBeUndefined();
    expect(p.additionalArguments).toBeUndefined();
  });
  it('print window has the same hardening, no preload and no JavaScript', () => {
    const p = printWindowWebPreferences();
    expect(p.preload).toBeUndefined();
    expect(p).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false, disableBlinkFeatures: 'Auxclick' });
  });
});

function metaCsp(): string {
  const html = readFileSync(path.join(__dirname, '../../renderer/index.html'), 'utf8');
  type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] };
  const found: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeName === 'meta') {
      const a = Object.fromEntries((n.attrs ?? []).map((x) => [x.name, x.value]));
      if (a['http-equiv']?.toLowerCase() === 'content-security-policy') found.push(a.content ?? '');
    }
    for (const c of n.childNodes ?? []) walk(c);
  };
  walk(parse(html) as unknown as Node);
  expect(found).toHaveLength(1);
  return found[0] as string;
}

describe('content security policy', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);
  it('has no eval, no remote origins and locks down objects, base and framing', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https?:|wss?:|\*/);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });
  it('equals the meta tag in renderer/index.html (one policy for desktop and web)', () => {
    expect(parseCsp(metaCsp())).toEqual(csp);
  });
  it('is sent as a header with nosniff', () => {
    expect(securityHeaders()).toMatchObject({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' });
  });
});

describe('request filter', () => {
  it.each([
    'http://example.org/',
    'https://auth.example.org/token?code=abc',
    'ws://127.0.0.1:9000/',
    'wss://example.org/socket',
    'ftp://example.org/file',
    'file:///etc/passwd',
    'devtools://devtools/bundled/inspector.html',
    'chrome-extension://abcdef/background.js',
    'app://evil/index.html',
    'blob:https://example.org/1234',
    'javascript:alert(1)',
    'not a url',
  ])('cancels %s', (url) => {
    expect(decideRequest(url).cancel).toBe(true);
  });
  it.each(['app://tokentrail/index.html', 'app://tokentrail/assets/index-abc.js', 'blob:app://tokentrail/5b1e', 'data:image/png;base64,AAAA'])(
    'allows %s',
    (url) => {
      expect(decideRequest(url)).toEqual({ cancel: false });
    },
  );
  it('allows the dev server only when given, and only its own origin', () => {
    expect(decideRequest('http://localhost:5173/src/main.tsx').cancel).toBe(true);
    expect(decideRequest('http://localhost:5173/src/main.tsx', { devOrigin: 'http://localhost:5173' }).cancel).toBe(false);
    expect(decideRequest('ws://localhost:5173/', { devOrigin: 'http://localhost:5173' }).cancel).toBe(false);
    expect(decideRequest('http://localhost:8080/', { devOrigin: 'http://localhost:5173' }).cancel).toBe(true);
    expect(decideRequest('https://example.org/', { devOrigin: 'http://localhost:5173' }).cancel).toBe(true);
    expect(decideRequest('http://example.org:5173/', { devOrigin: 'http://example.org:5173' }).cancel).toBe(true);
  });
  it('logs blocked URLs without query, fragment or credentials', () => {
    const logged = urlForLog('https://user:s3cret@iam.example.org/token?access_token=eyJhbGciOi.x.y#frag');
    expect(logged).toBe('https://iam.example.org/token');
    expect(urlForLog('data:text/plain,eyJhbGciOi')).toBe('data:<…>');
  });
});

describe('navigation and windows', () => {
  it('allows only our app:// origin', () => {
    expect(isNavigationAllowed('app://tokentrail/index.html#/case/1')).toBe(true);
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)', 'about:blank', '']) {
      expect(isNavigationAllowed(url), url).toBe(false);
    }
    expect(isNavigationAllowed('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isNavigationAllowed('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
  it('denies every window.open', () => {
    expect(windowOpenDecision('app://tokentrail/index.html')).toEqual({ action: 'deny' });
    expect(windowOpenDecision('https://example.org/')).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'hid', 'serial', 'openExternal', 'unknown-future'])(
    'denies %s',
    (perm) => {
      expect(isPermissionGranted(perm, 'app://tokentrail/index.html')).toBe(false);
    },
  );
});

describe('electron-builder configuration', () => {
  it('sets exactly the required fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
  it('packages an asar with the desktop targets and the icon', () => {
    expect(config.asar).toBe(true);
    expect(config.appId).toBe('org.tokentrail.app');
    expect(config.productName).toBe('tokentrail');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    const files = config.files as string[];
    expect(files).toContain('out/**/*');
    for (const dir of ['src', 'e2e', 'bench', 'assets']) expect(files).toContain(`!${dir}/**`);
  });
});
