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

describe('file times', () => {
  it('dates lines that carry no time (a hosts dump) by the file time, without moving what they prove', async () => {
    const { files } = await collectScenario({ name: 'stolen-token', seed: 3, size: 1_000_000 });
    const collected = Date.UTC(2026, 10, 24, 6, 0);
    const bundle = [...files].filter(([path]) => !path.startsWith('answers:'));
    const undated = await analyzeSources(bundle.map(([path, bytes]) => bytesSource(path, bytes)), { name: 'undated' });
    const dated = await analyzeSources(bundle.map(([path, bytes]) => bytesSource(path, bytes, collected)), { name: 'dated' });
    const byParser = (c: typeof dated, parser: string) => c.events.filter((e) => e.src.parser === parser);
    const hosts = byParser(dated, 'netmap.hosts');
    expect(hosts.length).toBeGreaterThan(0);
    for (const e of hosts) expect(e.time).toMatchObject({ ts: collected, assumed: 'file time' });
    for (const e of byParser(undated, 'netmap.hosts')) expect(e.time.assumed).toMatch(/^time unknown/);
    // A DNS dump taken after the incident still maps the addresses at the time of the incident.
    const ruleSet = (c: typeof dated) => [...new Set(c.findings.map((f) => f.rule))].sort();
    expect(ruleSet(dated)).toEqual(ruleSet(undated));
    expect([...dated.links].filter((l) => l.rule === 'netmap.hosts').length).toBe([...undated.links].filter((l) => l.rule === 'netmap.hosts').length);
  });
});
