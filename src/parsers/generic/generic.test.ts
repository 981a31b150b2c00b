import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecret, junkLines, runParserOther } from '../common/testing-other';
import { genericParser } from './index';

const sample = readFileSync(join(__dirname, 'samples/app.log'), 'utf8');

describe('generic parser', () => {
  it('claims anything with a low constant', () => {
    expect(genericParser.detect({ name: 'x', head: ['whatever'] })).toBe(0.05);
  });

  it('extracts time, IPs, hosts and credentials from the sample', () => {
    const fp = 'a'.repeat(64);
    const { events, problems } = runParserOther(genericParser, sample, {
      tz: 'Europe/Zurich',
      secrets: { 4: [fakeSecret(fp, { sub: 'alice', iss: 'https://cms-auth.example-iam.org/' })] },
    });
    expect(problems).toEqual([]);
    expect(events).toHaveLength(5);
    const [a, b, c, d, e] = events;
    expect(new Date(a!.time.ts).toISOString()).toBe('2026-11-23T13:02:11.512Z');
    expect(a!.time.assumed).toBeUndefined();
    expect(a!.ids).toEqual({ ip: '203.0.113.51', host: 'se01.example-site.org' });
    expect(b!.time.assumed).toBe('tz=Europe/Zurich');
    expect(new Date(b!.time.ts).toISOString()).toBe('2026-11-23T13:02:12.000Z');
    expect(b!.ids.ip).toBe('2001:db8:40::17');
    expect(b!.ids.host).toBe('wn042.example-site.org');
    expect(c!.time.ts).toBe(b!.time.ts);
    expect(c!.time.assumed).toMatch(/previous line/);
    expect(c!.ids.ip).toBe('198.51.100.23');
    expect(d!.kind).toBe('token.exposure');
    expect(d!.severity).toBe('high');
    expect(d!.ids.tokenFps).toEqual([fp]);
    expect(d!.ids.sub).toBe('alice');
    expect(d!.time.assumed).toMatch(/year=2026/);
    expect(new Date(e!.time.ts).toISOString()).toBe('2026-11-23T13:06:00.000Z');
    expect(e!.src?.line).toBe(5);
  });

  it('uses the file time when no line has one, and reports lines with no time at all', () => {
    const withFile = runParserOther(genericParser, 'hello 192.0.2.1\n', { fileTimeMs: 1795442741000 });
    expect(withFile.events[0]!.time).toEqual({ ts: 1795442741000, text: '', assumed: 'file time' });
    const without = runParserOther(genericParser, 'hello 192.0.2.1\nsecond\n', {
      secrets: { 2: [fakeSecret('b'.repeat(64))] },
    });
    expect(without.events).toHaveLength(1);
    expect(without.events[0]!.kind).toBe('token.exposure');
    expect(without.events[0]!.time.assumed).toMatch(/time unknown/);
    expect(without.problems).toEqual([expect.objectContaining({ code: 'time.unparsed', line: 1 })]);
  });

  it('survives junk lines without crashing', () => {
    const { events } = runParserOther(genericParser, junkLines().join('\n'), { fileTimeMs: 0 });
    // every non-empty line is kept as a log event
    expect(events).toHaveLength(5);
    expect(events.map((e) => e.src?.line)).toEqual([1, 2, 3, 5, 6]);
  });
});
