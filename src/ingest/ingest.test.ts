import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { packTar } from 'modern-tar';
import { describe, expect, it } from 'vitest';
import type { TgEvent } from '../model/event';
import { bytesSource, type InputSource } from './source';
import { ingest, type IngestOptions } from './ingest';
import { testGeneric, testRedactor, testSchedLog } from './testing/fakes';

const enc = (t: string) => new TextEncoder().encode(t);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const MTIME = Date.UTC(2025, 5, 1);

async function run(sources: InputSource[], extra: Partial<IngestOptions> = {}) {
  const events: TgEvent[] = [];
  const result = await ingest(sources, {
    redactor: testRedactor(),
    parsers: [testSchedLog],
    fallback: testGeneric,
    onEvents: (b) => {
      events.push(...b);
    },
    batchSize: 3,
    ...extra,
  });
  return { ...result, events };
}

const schedLog = '11/22/26 10:00:01 (pid:1) line one\n11/22/26 10:00:02 (pid:1) line two\n';
const other = 'free text with 203.0.113.7\nsecond line\n';

describe('ingest: containers', () => {
  it('reads plain text, gzip, tar, tar.gz and zip, with member paths and hashes of extracted bytes', async () => {
    const tar = await packTar([
      { header: { name: 'var/log/condor/SchedLog', size: enc(schedLog).length, type: 'file', mtime: new Date(MTIME) }, body: schedLog },
      { header: { name: 'var/log/condor/', size: 0, type: 'directory' } },
      { header: { name: 'notes.txt', size: enc(other).length, type: 'file' }, body: other },
    ]);
    const zip = zipSync({ 'pilot/log.txt': enc(other), 'SchedLog.1': enc(schedLog) });
    const gz = gzipSync(enc(schedLog));
    const { inputs, events, problems } = await run([
      bytesSource('plain.log', other, MTIME),
      bytesSource('SchedLog.2.gz', gz, MTIME),
      bytesSource('site.tar', tar, MTIME),
      bytesSource('site.tar.gz', gzipSync(tar), MTIME),
      bytesSource('vo.zip', zip, MTIME),
    ]);
    expect(problems).toEqual([]);
    expect(inputs.map((i) => [i.path, i.parser, i.events, i.parent])).toEqual([
      ['plain.log', 'generic', 2, undefined],
      ['SchedLog.2.gz', 'htcondor.schedlog', 2, undefined],
      ['site.tar', 'archive.tar', 0, undefined],
      ['site.tar!/var/log/condor/SchedLog', 'htcondor.schedlog', 2, 'site.tar'],
      ['site.tar!/notes.txt', 'generic', 2, 'site.tar'],
      ['site.tar.gz', 'archive.tar', 0, undefined],
      ['site.tar.gz!/var/log/condor/SchedLog', 'htcondor.schedlog', 2, 'site.tar.gz'],
      ['site.tar.gz!/notes.txt', 'generic', 2, 'site.tar.gz'],
      ['vo.zip', 'archive.zip', 0, undefined],
      ['vo.zip!/pilot/log.txt', 'generic', 2, 'vo.zip'],
      ['vo.zip!/SchedLog.1', 'htcondor.schedlog', 2, 'vo.zip'],
    ]);
    // Chain of custody: a file as given, a member as extracted.
    const byPath = Object.fromEntries(inputs.map((i) => [i.path, i]));
    expect(byPath['SchedLog.2.gz']!.sha256).toBe(sha(gz));
    expect(byPath['SchedLog.2.gz']!.size).toBe(gz.length);
    expect(byPath['site.tar']!.sha256).toBe(sha(tar));
    expect(byPath['site.tar!/var/log/condor/SchedLog']!.sha256).toBe(sha(enc(schedLog)));
    expect(byPath['site.tar.gz!/notes.txt']!.sha256).toBe(sha(enc(other)));
    expect(byPath['vo.zip']!.sha256).toBe(sha(zip));
    expect(byPath['vo.zip!/pilot/log.txt']!.sha256).toBe(sha(enc(other)));
    expect(byPath['vo.zip!/pilot/log.txt']!.size).toBe(enc(other).length);
    // Events: deterministic ids from input index and line, evidence pointers filled.
    const e = events.find((x) => x.src.input === 'site.tar!/var/log/condor/SchedLog' && x.src.line === 2)!;
    expect(e.id).toBe('e3.2');
    expect(e.src.parser).toBe('htcondor.schedlog');
    expect(e.text).toBe('11/22/26 10:00:02 (pid:1) line two');
    expect(events.length).toBe(16);
  });

  it('opens archives inside archives and gives the year from the member time', async () => {
    const innerZip = zipSync({ 'SchedLog': enc(schedLog) });
    const tar = await packTar([{ header: { name: 'bundle/inner.zip', size: innerZip.length, type: 'file', mtime: new Date(Date.UTC(2023, 1, 1)) }, body: innerZip }]);
    const { inputs, events } = await run([bytesSource('outer.tgz', gzipSync(tar), MTIME)]);
    expect(inputs.map((i) => i.path)).toEqual(['outer.tgz', 'outer.tgz!/bundle/inner.zip', 'outer.tgz!/bundle/inner.zip!/SchedLog']);
    expect(inputs[2]!.parent).toBe('outer.tgz!/bundle/inner.zip');
    expect(events[0]!.time.assumed).toBe('year=2023 (file time) tz=UTC');
  });

  it('keeps what was read of a truncated zip and tar, with a problem record', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `entry ${i} ${(i * 7919) % 10007}`).join('\n');
    const zip = zipSync({ 'first.log': enc('first member\n'), 'second.log': enc(lines) }, { level: 1 });
    const tar = await packTar([{ header: { name: 'a.log', size: enc(lines).length, type: 'file' }, body: lines }]);
    const { inputs, events, problems } = await run([
      bytesSource('cut.zip', zip.subarray(0, Math.floor(zip.length * 0.6))),
      bytesSource('cut.tar', tar.subarray(0, 20000)),
    ]);
    expect(events.filter((e) => e.src.input === 'cut.zip!/first.log').map((e) => e.text)).toEqual(['first member']);
    expect(problems.map((p) => [p.code, p.input])).toEqual([
      ['archive.truncated', 'cut.zip'],
      ['archive.truncated', 'cut.tar!/a.log'],
    ]);
    const a = inputs.find((i) => i.path === 'cut.tar!/a.log')!;
    expect(a.size).toBe(20000 - 512);
    expect(a.events).toBeGreaterThan(500);
  });

  it('stops a member over the ratio limit early without calling it truncated', async () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `line ${i} ${(i * 7919) % 10007}`).join('\n');
    const gz = gzipSync(enc(text));
    const tar = await packTar([
      { header: { name: 'big.log.gz', size: gz.length, type: 'file' }, body: gz },
      { header: { name: 'next.log', size: 5, type: 'file' }, body: 'next\n' },
    ]);
    const { problems, events } = await run([bytesSource('b.tar', tar)], { limits: { maxRatio: 2, ratioGraceBytes: 100_000 } });
    expect(problems.map((p) => [p.code, p.input])).toEqual([['archive.bomb', 'b.tar!/big.log.gz']]);
    expect(events.filter((e) => e.src.input === 'b.tar!/next.log')).toHaveLength(1);
  });

  it('records a parser that throws as parser.error and goes on', async () => {
    const flaky: typeof testSchedLog = {
      ...testSchedLog,
      open: (ctx) => {
        const inner = testSchedLog.open(ctx);
        return {
          line: (l) => {
            if (l.line === 2) throw new Error('cannot handle this');
            return inner.line(l);
          },
          end: () => [],
        };
      },
    };
    const { problems, events } = await run([bytesSource('SchedLog', 'a\nb\nc\n')], { parsers: [flaky] });
    expect(problems).toEqual([{ code: 'parser.error', input: 'SchedLog', line: 2, message: 'htcondor.schedlog: cannot handle this' }]);
    expect(events.map((e) => e.src.line)).toEqual([1, 3]);
  });

  it('applies the per-input zone and the analyst year', async () => {
    const { inputs, events } = await run([bytesSource('a/SchedLog', schedLog, MTIME)], { tzFor: (p) => (p.startsWith('a/') ? 'Europe/Zurich' : undefined), year: 2026 });
    expect(inputs[0]!.tz).toBe('Europe/Zurich');
    expect(events[0]!.time.assumed).toBe('year=2026 (analyst setting) tz=Europe/Zurich');
  });

  it('redacts before anything is kept (async redaction keeps line order)', async () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNlY3JldC1ieXRlcw';
    const text = Array.from({ length: 120 }, (_, i) => (i % 7 === 3 ? `line ${i} Authorization: Bearer ${jwt}` : `line ${i}`)).join('\n');
    const { events, redaction } = await run([bytesSource('app.log', text)]);
    expect(events.map((e) => e.src.line)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(JSON.stringify(events)).not.toContain('c2lnbmF0dXJlLXNlY3JldC1ieXRlcw');
    expect(events[3]!.text).toBe('line 3 Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.[sig-redacted]');
    expect(redaction).toEqual({ jwt: 17 });
  });

  it('gives identical results on two runs', async () => {
    const tar = await packTar([{ header: { name: 'x/SchedLog', size: enc(schedLog).length, type: 'file', mtime: new Date(MTIME) }, body: schedLog }]);
    const mk = () => [bytesSource('b.tar.gz', gzipSync(tar), MTIME), bytesSource('c.log', other, MTIME)];
    const a = await run(mk());
    const b = await run(mk());
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('reports progress and can be cancelled', async () => {
    const seen: number[] = [];
    const big = 'some log line\n'.repeat(400_000);
    const { events } = await run([bytesSource('big.log', big)], { onProgress: (p) => seen.push(p.bytesRead), batchSize: 100_000 });
    expect(events.length).toBe(400_000);
    expect(seen.at(-1)).toBe(big.length);
    const ac = new AbortController();
    const p = run([bytesSource('big.log', big)], {
      signal: ac.signal,
      onProgress: () => ac.abort(new Error('cancelled by the analyst')),
    });
    await expect(p).rejects.toThrow('cancelled by the analyst');
  });
});
