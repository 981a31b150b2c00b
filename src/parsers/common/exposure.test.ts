import { describe, expect, it } from 'vitest';
import type { TokenInfo } from '../../model/token';
import { borrowedTime, tokenExposure } from './exposure';

const token: TokenInfo = { fp: 'ab'.repeat(32), kind: 'wlcg', redacted: 'eyJ..eyJ...[sig-redacted:abababab]', length: 900, aud: [], scopes: [], groups: [] };

describe('tokenExposure', () => {
  it('emits nothing for clean lines and a high exposure for lines with credentials', () => {
    const t = { ts: 1, text: 'x' };
    expect(tokenExposure({ line: 3, text: 'hello', secrets: [] }, t)).toEqual([]);
    const [e] = tokenExposure({ line: 3, text: 'BEARER_TOKEN=eyJ..eyJ...[sig-redacted:abababab]', secrets: [{ start: 13, end: 40, token }] }, t, { host: 'h' });
    expect(e).toMatchObject({ kind: 'token.exposure', severity: 'high', ids: { host: 'h', tokenFps: [token.fp] }, src: { line: 3 } });
    expect(borrowedTime({ ts: 1, text: 'x', assumed: 'tz=UTC' }).assumed).toMatch(/^tz=UTC; time of an earlier line/);
  });
});
