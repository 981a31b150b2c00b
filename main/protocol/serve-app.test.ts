import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { serveAppRequest } from './serve-app';

let root: string;
let outside: string;
const read = async (p: string) => new Uint8Array(await readFile(p));

beforeAll(() => {
  const base = mkdtempSync(path.join(tmpdir(), 'tokentrail-serve-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  // A file next to the renderer dir that a traversal would reach.
  outside = path.join(base, 'secret.txt');
  writeFileSync(outside, 'SECRET');
});

describe('serveAppRequest', () => {
  it('serves renderer files with MIME type and the CSP header', async () => {
    const res = await serveAppRequest('app://tokentrail/', root, read);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>t</title>');
    const js = await serveAppRequest('app://tokentrail/assets/app.js', root, read);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each(['app://tokentrail/../secret.txt', 'app://tokentrail/%2e%2e/secret.txt', 'app://tokentrail/..%5csecret.txt', 'app://tokentrail/missing.js', 'app://evil/index.html'])(
    'refuses %s with the CSP header and without the secret',
    async (url) => {
      const res = await serveAppRequest(url, root, read);
      expect([400, 404]).toContain(res.status);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text()).not.toContain('SECRET');
    },
  );
});
