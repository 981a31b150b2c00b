import { describe, expect, it } from 'vitest';
import { bytesSource } from '../ingest/source';
import { validateCase } from '../model/validate';
import { generateScenario } from '../scenario/generate';
import { analyzeSources } from './index';

describe('analyzeSources', () => {
  it('turns a generated stolen-token bundle into a valid case with the expected misuse finding', async () => {
    const gen = await generateScenario({ name: 'stolen-token', seed: 3, size: 1_000_000 });
    const sources = [];
    for await (const f of gen.files) {
      const parts: Uint8Array[] = [];
      for await (const c of f.chunks) parts.push(c);
      if (f.role !== 'bundle') continue;
      const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let o = 0;
      for (const p of parts) {
        bytes.set(p, o);
        o += p.length;
      }
      sources.push(bytesSource(f.path, bytes));
    }
    const answers = await gen.answers;
    const c = await analyzeSources(sources, { name: 'training' });
    expect(validateCase(c).errors).toEqual([]);
    expect(c.events.length).toBeGreaterThan(1000);
    expect(c.findings.map((f) => f.rule)).toContain('misuse.foreign-ip');
    const fps = new Set(c.tokens.map((t) => t.fp));
    for (const t of answers.compromisedTokens) expect(fps.has(t.fingerprint), t.jti).toBe(true);
  });
});
