import { describe, expect, it } from 'vitest';
import { isTrustedSender, LIMITS, validateFileName, validateNoArgs, validatePrintRequest, validateSaveRequest } from './validate';

describe('IPC payload validation', () => {
  it('accepts plain file names and rejects paths and junk', () => {
    expect(validateFileName('report-case-1.html')).toBe('report-case-1.html');
    for (const bad of ['', '../x', 'a/b', 'a\\b', '..', '.', 'x\u0000y', 'x\ny', 'a'.repeat(256), 42, null, undefined, {}]) {
      expect(() => validateFileName(bad), String(bad)).toThrow();
    }
    expect(validateFileName('a'.repeat(255))).toHaveLength(255);
  });
  it('saveFile takes a name and string or bytes, nothing else', () => {
    expect(validateSaveRequest({ suggestedName: 'a.json', data: '{}' })).toEqual({ suggestedName: 'a.json', data: '{}' });
    const bytes = new Uint8Array([1, 2, 3]);
    expect(validateSaveRequest({ suggestedName: 'a.bin', data: bytes }).data).toBe(bytes);
    expect(() => validateSaveRequest({ suggestedName: 'a.bin', data: 5 })).toThrow(/string or Uint8Array/);
    expect(() => validateSaveRequest({ suggestedName: '/etc/cron.d/x', data: '' })).toThrow(/path separators/);
    expect(() => validateSaveRequest({ suggestedName: 'a', data: '', path: '/tmp/x' })).toThrow(/unexpected field/);
    expect(() => validateSaveRequest('a.json')).toThrow();
    expect(() => validateSaveRequest(null)).toThrow();
    expect(() => validateSaveRequest([])).toThrow();
  });
  it('saveFile enforces the size limit on bytes and on UTF-8 length of text', () => {
    expect(LIMITS.saveBytes).toBe(512 * 1024 * 1024);
    const small = { ...LIMITS, saveBytes: 8 };
    expect(() => validateSaveRequest({ suggestedName: 'b.bin', data: new Uint8Array(9) }, small)).toThrow(/exceeds 8 bytes/);
    expect(validateSaveRequest({ suggestedName: 'b.bin', data: new Uint8Array(8) }, small).data).toHaveLength(8);
    // 3 characters of 3 UTF-8 bytes each = 9 bytes > 8, although only 3 UTF-16 units.
    expect(() => validateSaveRequest({ suggestedName: 'b.txt', data: '€€€' }, small)).toThrow(/exceeds/);
    expect(validateSaveRequest({ suggestedName: 'b.txt', data: 'abcdefgh' }, small).data).toBe('abcdefgh');
  });
  it('printToPdf takes html and a file name', () => {
    expect(validatePrintRequest({ html: '<p>x</p>', suggestedName: 'r.pdf' })).toEqual({ html: '<p>x</p>', suggestedName: 'r.pdf' });
    expect(() => validatePrintRequest({ html: 1, suggestedName: 'r.pdf' })).toThrow();
    expect(() => validatePrintRequest({ html: '', suggestedName: 'x/r.pdf' })).toThrow();
    expect(LIMITS.pdfHtmlChars).toBe(50 * 1024 * 1024);
    expect(() => validatePrintRequest({ html: 'x'.repeat(11), suggestedName: 'r.pdf' }, { ...LIMITS, pdfHtmlChars: 10 })).toThrow(/exceeds 10/);
  });
  it('no-arg channels refuse arguments', () => {
    expect(() => validateNoArgs([])).not.toThrow();
    expect(() => validateNoArgs([{}])).toThrow();
  });
});

describe('IPC sender check', () => {
  const ok = { webContentsId: 7, frameUrl: 'app://tokentrail/index.html', isMainFrame: true };
  it('trusts only the main frame of our window on app://', () => {
    expect(isTrustedSender(ok, 7)).toBe(true);
    expect(isTrustedSender({ ...ok, webContentsId: 8 }, 7)).toBe(false);
    expect(isTrustedSender({ ...ok, isMainFrame: false }, 7)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'https://example.org/' }, 7)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'app://other/index.html' }, 7)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: null }, 7)).toBe(false);
    expect(isTrustedSender(ok, null)).toBe(false);
  });
  it('trusts the dev server origin only when given', () => {
    const dev = { ...ok, frameUrl: 'http://localhost:5173/' };
    expect(isTrustedSender(dev, 7)).toBe(false);
    expect(isTrustedSender(dev, 7, 'http://localhost:5173')).toBe(true);
  });
});
