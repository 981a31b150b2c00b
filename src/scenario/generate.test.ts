import { gunzipSync } from 'fflate';
import { compactVerify, createLocalJWKSet } from 'jose';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from './scenarios';
import { bundleBytes, collectScenario } from './testing';
import { fingerprint } from './tokens';

const MB = 1_000_000;
const dec = new TextDecoder();
const text = (b: Uint8Array | undefined, path = ''): string => (b ? dec.decode(path.endsWith('.gz') ? gunzipSync(b) : b) : '');

describe('generateScenario', () => {
  it.each(SCENARIOS.map((s) => s.name))('%s: same seed and size give identical bytes; another seed differs', async (name) => {
    const a = await collectScenario({ name, seed: 7, size: MB });
    const b = await collectScenario({ name, seed: 7, size: MB });
    expect([...a.files.keys()]).toEqual([...b.files.keys()]);
    for (const [p, bytes] of a.files) expect(Buffer.from(bytes).equals(Buffer.from(b.files.get(p) as Uint8Array)), p).toBe(true);
    expect(Math.abs(bundleBytes(a) - MB) / MB).toBeLessThan(0.3);
    const c = await collectScenario({ name, seed: 8, size: MB });
    expect(Buffer.from(c.files.get('answers:answers.json') as Uint8Array).equals(Buffer.from(a.files.get('answers:answers.json') as Uint8Array))).toBe(false);
  });

  it.each(SCENARIOS.map((s) => s.name))('%s: the bundle holds what the answers cite, and every signed token verifies', async (name) => {
    const c = await collectScenario({ name, seed: 3, size: MB });
    const ans = c.answers;
    expect(ans.scenario).toBe(name);
    expect([...c.files.keys()].filter((p) => p.includes('answers'))).toEqual(['answers:answers.json']);
    const jwks = createLocalJWKSet(JSON.parse(text(c.files.get('jwks.json'))));
    for (const t of [...ans.compromisedTokens, ...ans.flaggedTokens]) {
      expect(t.exposedIn.length).toBeGreaterThan(0);
      for (const e of t.exposedIn) {
        const line = text(c.files.get(e.file), e.file).split('\n')[e.line - 1] ?? '';
        const tok = line.match(/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/)?.[0] ?? '';
        expect(await fingerprint(tok), `${e.file}:${e.line}`).toBe(t.fingerprint);
        if (t.kind === 'access') {
          const payload = JSON.parse(dec.decode((await compactVerify(tok, jwks)).payload));
          expect(payload.jti).toBe(t.jti);
          expect(payload.sub).toBe(t.sub);
        } else {
          expect(tok.startsWith('eyJhbGciOiJub25lIn0.')).toBe(true);
        }
      }
    }
    // Every JWS anywhere in the bundle is signed by a key of jwks.json.
    let seen = 0;
    for (const [p, b] of c.files) {
      if (p.startsWith('answers:')) continue;
      for (const m of text(b, p).matchAll(/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g)) {
        await compactVerify(m[0], jwks);
        seen++;
      }
    }
    expect(seen).toBeGreaterThanOrEqual(ans.compromisedTokens.filter((t) => t.kind === 'access').length);
    // Every pilot and job id of the answers is in the CE history and the pilot logs.
    const history = text(c.files.get('ce01.example-site.org/var/lib/condor-ce/spool/history'));
    for (const p of ans.cast.pilots) {
      expect(history).toContain(`GlobalJobId = "${p.globalJobId}"`);
      expect(history).toContain(`RoutedFromJobId = "${p.ceJobId}"`);
    }
    const all = [...c.files.entries()].filter(([p]) => p.includes('pilotlog.txt')).map(([, b]) => text(b)).join('\n');
    for (const pl of ans.cast.payloads) expect(all).toContain(`PanDA job id: ${pl.payloadId}`);
    expect(ans.questions.map((q) => q.id)).toEqual(['S1', 'S2', 'S3', 'V1', 'V2', 'V3']);
    // No timestamp placeholder (NUL) ever reaches a file.
    for (const [p, b] of c.files) expect(text(b, p).includes('\u0000'), p).toBe(false);
    // The answer key never carries a token.
    expect(text(c.files.get('answers:answers.json'))).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
  });

  it('size control: 1 MB and 8 MB requests land within 30%', async () => {
    for (const size of [MB, 8 * MB]) {
      const c = await collectScenario({ name: 'benign', seed: 1, size });
      expect(Math.abs(bundleBytes(c) - size) / size).toBeLessThan(0.3);
    }
  });

  it('difficulty changes clock skew, malformed noise and dropped sources', async () => {
    const easy = await collectScenario({ name: 'stolen-token', seed: 2, size: 2 * MB, difficulty: 'easy' });
    const hard = await collectScenario({ name: 'stolen-token', seed: 2, size: 2 * MB, difficulty: 'hard' });
    const maxSkew = (x: typeof easy) => Math.max(...Object.values(x.answers.clockSkewMs).map(Math.abs));
    expect(maxSkew(easy)).toBeLessThanOrEqual(3_000);
    expect(maxSkew(hard)).toBeGreaterThan(5_000);
    expect(easy.answers.droppedSources).toEqual([]);
    expect(hard.answers.droppedSources.length).toBeGreaterThan(0);
    for (const d of hard.answers.droppedSources) expect(hard.files.has(d.path)).toBe(false);
    const junk = (x: typeof easy) => [...x.files].filter(([p]) => !p.startsWith('answers:')).reduce((n, [p, b]) => n + (text(b, p).match(/\u0002|\ufffd|at org\.example\.Unknown/g)?.length ?? 0), 0);
    expect(junk(easy)).toBe(0);
    expect(junk(hard)).toBeGreaterThan(10);
    const decoys = (x: typeof easy) => [...x.files].filter(([p]) => !p.startsWith('answers:')).reduce((n, [p, b]) => n + (text(b, p).match(/203\.0\.113\.1\d\d/g)?.length ?? 0), 0);
    expect(decoys(easy)).toBe(0);
    expect(decoys(hard)).toBeGreaterThan(0);
    expect(hard.answers.attackerIps.every((ip) => !/^203\.0\.113\.1\d\d$/.test(ip))).toBe(true);
  });

  it('rejects unknown scenarios and sizes out of range', async () => {
    await expect(generateScenarioSafe('nope')).rejects.toThrow(/unknown scenario 'nope'.*stolen-token/);
    await expect(generateScenarioSafe('benign', 10)).rejects.toThrow(/between 1 MB and 1 GB/);
  });
});

async function generateScenarioSafe(name: string, size = MB) {
  const { generateScenario } = await import('./generate');
  return generateScenario({ name, size });
}
