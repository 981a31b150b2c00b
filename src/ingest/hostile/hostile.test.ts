import { describe, expect, it } from 'vitest';
import type { TgEvent } from '../../model/event';
import { ingest } from '../ingest';
import { DEFAULT_LIMITS } from '../limits';
import { bytesSource } from '../source';
import { testGeneric, testRedactor, testSchedLog } from '../testing/fakes';
import { buildHostileCorpus, hostileBundle } from './build';

describe('hostile bundle', () => {
  it('records a problem for every hostile case and still loads the rest', async () => {
    const { files, cases } = buildHostileCorpus();
    const bundle = await hostileBundle(files);
    const events: TgEvent[] = [];
    const r = await ingest([bytesSource('hostile.tar.gz', bundle, Date.UTC(2026, 10, 22))], {
      redactor: testRedactor(),
      parsers: [testSchedLog],
      fallback: testGeneric,
      onEvents: (b) => {
        events.push(...b);
      },
    });
    for (const c of cases) {
      const at = `hostile.tar.gz!/${c.at}`;
      expect(r.problems.filter((p) => p.code === c.code && p.input === at), `${c.code} at ${at}`).not.toEqual([]);
    }
    // …and nothing else is reported (no false alarms on the good files).
    const unexpected = r.problems.filter((p) => !cases.some((c) => c.code === p.code && p.input === `hostile.tar.gz!/${c.at}`));
    expect(unexpected).toEqual([]);
    const lines = (input: string) => events.filter((e) => e.src.input === `hostile.tar.gz!/${input}`).map((e) => e.text);
    // The good files around the hostile ones load.
    expect(lines('var/log/condor/SchedLog')).toHaveLength(2);
    expect(lines('bomb.zip!/after-bomb.log')).toEqual(['a good line after the bomb']);
    expect(lines('etc/cron.d/evil.log')).toEqual(['escaped via dot-dot']);
    // The 5 MB line is cut at 1 MiB with a marker; the next line comes through.
    const long = lines('long-line.log');
    expect(long).toHaveLength(2);
    expect(long[0]!.length).toBeLessThan(1024 * 1024 + 40);
    expect(long[0]!.endsWith(' …[line cut at 1 MiB]')).toBe(true);
    expect(long[1]).toBe('line after the long one');
    // What was read of the truncated gzip is kept.
    const cut = lines('cut.log.gz');
    expect(cut.length).toBeGreaterThan(1000);
    expect(cut[0]).toBe('cut log line 0 with some varied text 0');
    // Invalid UTF-8: replacement characters, and the problems are capped with a summary record.
    expect(lines('latin1.log')[0]).toBe('caf\uFFFD line 0 M\u00fcller\uFFFD');
    const utf8 = r.problems.filter((p) => p.code === 'line.invalid-utf8');
    expect(utf8).toHaveLength(21);
    expect(utf8.at(-1)!.message).toMatch(/^40 more line.invalid-utf8 problems/);
    // The bomb was stopped early, not inflated to the end.
    const bombRec = r.inputs.find((i) => i.path === 'hostile.tar.gz!/bomb.zip!/big.log')!;
    expect(bombRec.size).toBe(DEFAULT_LIMITS.ratioGraceBytes);
    // A gzip with junk after it: every line read. A cut embedded log: its lines up to the cut.
    expect(lines('junk-tail.log.gz')).toEqual(['junk-tail line 1', 'junk-tail line 2']);
    expect(lines('job.4242.0.err!/StarterLog.slot1_1').length).toBeGreaterThan(20);
    const binRec = r.inputs.find((i) => i.path === 'hostile.tar.gz!/core.bin')!;
    expect([binRec.parser, binRec.size, binRec.events]).toEqual(['skipped', 4096, 0]);
    expect(r.inputs.find((i) => i.path === 'hostile.tar.gz!/var/log/shadow-link')).toBeUndefined();
    expect(r.inputs.find((i) => i.path === 'hostile.tar.gz!/latin1.log')!.problems).toBe(60);
  });

  it('redacts credentials in member names and link targets', async () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNlY3JldC1ieXRlcw';
    const bundle = await hostileBundle([
      { name: `../tokens/${jwt}.txt`, bytes: new TextEncoder().encode('x\n') },
      { name: 'link', bytes: new Uint8Array(0), type: 'symlink', linkname: `/tmp/${jwt}` },
    ]);
    const r = await ingest([bytesSource(`bundle-${jwt}.tar.gz`, bundle)], { redactor: testRedactor(), parsers: [], fallback: testGeneric });
    const text = JSON.stringify(r);
    expect(text).not.toContain('c2lnbmF0dXJlLXNlY3JldC1ieXRlcw');
    expect(r.inputs.map((i) => i.path)).toEqual([
      'bundle-eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.[sig-redacted].tar.gz',
      'bundle-eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.[sig-redacted].tar.gz!/tokens/eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.[sig-redacted].txt',
    ]);
    expect(r.problems.map((p) => p.code)).toEqual(['archive.path-traversal', 'archive.link']);
  });

  it('enforces entry count, depth and total size limits with problem records', async () => {
    const { files } = buildHostileCorpus();
    const small = files.filter((f) => f.bytes.length < 100_000 && !f.name.startsWith('bomb'));
    const bundle = await hostileBundle(small);
    const base = { redactor: testRedactor(), parsers: [testSchedLog], fallback: testGeneric };
    const few = await ingest([bytesSource('h.tar.gz', bundle)], { ...base, limits: { maxEntries: 2 } });
    expect(few.problems.some((p) => p.code === 'archive.too-many-entries' && p.input === 'h.tar.gz')).toBe(true);
    expect(few.inputs.filter((i) => i.parent === 'h.tar.gz')).toHaveLength(2);
    const shallow = await ingest([bytesSource('h.tar.gz', bundle)], { ...base, limits: { maxDepth: 1 } });
    expect(shallow.problems.map((p) => p.code)).toEqual(['archive.too-deep']);
    const tight = await ingest([bytesSource('h.tar.gz', bundle), bytesSource('later.log', 'x\n')], { ...base, limits: { maxTotalBytes: 1000 } });
    expect(tight.problems.filter((p) => p.code === 'input.too-large').map((p) => p.input)).toContain('later.log');
  });
});
