import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from './resolve-app-path';

const root = path.resolve('/opt/tokentrail/resources/app.asar/out/renderer');

describe('resolveAppPath', () => {
  it('serves files under the renderer directory with their MIME type', () => {
    expect(resolveAppPath('app://tokentrail/index.html', root)).toEqual({ ok: true, filePath: path.join(root, 'index.html'), mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppPath('app://tokentrail/', root)).toMatchObject({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveAppPath('app://tokentrail/assets/index-x1.js?v=1#a', root)).toMatchObject({
      ok: true,
      filePath: path.join(root, 'assets', 'index-x1.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppPath('app://tokentrail/assets/a.css', root)).toMatchObject({ mimeType: 'text/css; charset=utf-8' });
    expect(resolveAppPath('app://tokentrail/assets/w.wasm', root)).toMatchObject({ mimeType: 'application/wasm' });
    expect(resolveAppPath('app://tokentrail/assets/x.unknown', root)).toMatchObject({ mimeType: 'application/octet-stream' });
    expect(resolveAppPath('app://tokentrail/assets/my%20file.svg', root)).toMatchObject({ filePath: path.join(root, 'assets', 'my file.svg'), mimeType: 'image/svg+xml' });
  });

  it.each([
    'app://tokentrail/../../etc/passwd',
    'app://tokentrail/assets/../../../etc/passwd',
    'app://tokentrail/%2e%2e/%2e%2e/etc/passwd',
    'app://tokentrail/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://tokentrail/assets%2f..%2f..%2f..%2fetc/passwd',
    'app://tokentrail/..%5c..%5cwindows%5cwin.ini',
    'app://tokentrail/index.html%00.png',
    'app://tokentrail//etc/passwd',
    'app://tokentrail/C:/Windows/win.ini',
    'app://tokentrail/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://tokentrail/index.html',
    '/etc/passwd',
  ])('never escapes the renderer directory: %s', (url) => {
    const r = resolveAppPath(url, root);
    if (r.ok) {
      // Only acceptable outcome when ok: a path strictly inside root.
      expect(r.filePath.startsWith(root + path.sep)).toBe(true);
      expect(r.filePath).not.toContain('passwd');
    } else {
      expect([400, 404]).toContain(r.status);
    }
  });

  it('refuses traversal explicitly rather than clamping it', () => {
    expect(resolveAppPath('app://tokentrail/%2e%2e/%2e%2e/etc/passwd', root)).toMatchObject({ ok: false });
    expect(resolveAppPath('app://tokentrail/..%5cwin.ini', root)).toMatchObject({ ok: false });
    expect(resolveAppPath('app://tokentrail/index.html%00.png', root)).toMatchObject({ ok: false, status: 400 });
  });
});
