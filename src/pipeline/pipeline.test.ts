import { describe, expect, it } from 'vitest';
import { bytesSource } from '../ingest/source';
import { validateCase } from '../model/validate';
import { collectScenario } from '../scenario/testing';
import { analyzeSources } from './index';

describe('analyzeSources', () => {
  it('turns a generated stolen-token bundle into a valid case with the expected misuse finding', async () => {
    const { files, answers } = await collectScenario({ name: 'stolen-token', seed: 3, size: 1_000_000 });
    const sources = [...files].filter(([path]) => !path.startsWith('answers:')).map(([path, bytes]) => bytesSource(path, bytes));
    const c = await analyzeSources(sources, { name: 'training' });
    expect(validateCase(c).errors).toEqual([]);
    expect(c.events.length).toBeGreaterThan(1000);
    expect(c.findings.map((f) => f.rule)).toContain('misuse.foreign-ip');
    const fps = new Set(c.tokens.map((t) => t.fp));
    for (const t of answers.compromisedTokens) expect(fps.has(t.fingerprint), t.jti).toBe(true);
  });
});
