import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParser } from '../common/testing';
import { glideinParser } from './parser';

const sample = readFileSync(join(__dirname, 'samples', 'job.884512.0.out'), 'utf8');

describe('glideinwms.startup', () => {
  it('emits pilot.start with the factory id and worker node, and pilot.end', () => {
    const { events, problems } = runParser(glideinParser, sample, { name: 'job.884512.0.out' });
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.src?.line, e.kind])).toEqual([
      [1, 'pilot.start'],
      [28, 'pilot.end'],
    ]);
    expect(events[0].ids).toEqual({ host: 'wn042.example-site.org', pilotId: '884512.0' });
    expect(new Date(events[0].time.ts).toISOString()).toBe('2026-11-23T13:05:01.000Z');
    expect(events[0].time.assumed).toBeUndefined();
    expect(events[0].summary).toContain('schedd_glideins3@gfactory-1.example-vo.org');
    expect(events[1].ids).toEqual({ host: 'wn042.example-site.org', pilotId: '884512.0', status: '0' });
  });

  it('reads the old header without epoch, assuming the zone when it is not UTC', () => {
    const r = runParser(glideinParser, 'Starting glidein_startup.sh at Mon Nov 23 14:05:01 CET 2026\nRunning on wn1.example-site.org\n', {
      tz: 'Europe/Zurich',
    });
    expect(new Date(r.events[0].time.ts).toISOString()).toBe('2026-11-23T13:05:01.000Z');
    expect(r.events[0].time.assumed).toBe('tz=Europe/Zurich');
  });

  it('survives junk: free text is skipped, a missing header and a bad date are problems', () => {
    const junk = ['\u0000\u0001\ufffd', 'x'.repeat(100_000), 'Starting glidein_startup.sh at sometime', 'Running on wn1.example-site.org'].join('\n');
    const r = runParser(glideinParser, junk);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['time.unparsed', 3]]);
    expect(r.events).toEqual([]);
    const none = runParser(glideinParser, 'hello\nworld\n');
    expect(none.problems.map((p) => [p.code, p.line])).toEqual([['line.malformed', 1]]);
  });

  it('emits the start even when the log is cut before "Running on"', () => {
    const r = runParser(glideinParser, sample.split('\n').slice(0, 8).join('\n'));
    expect(r.events.map((e) => [e.kind, e.ids.pilotId, e.ids.host])).toEqual([['pilot.start', '884512.0', undefined]]);
  });

  it('detects glidein logs', () => {
    expect(glideinParser.detect({ name: 'job.884512.0.out', head: sample.split('\n') })).toBeGreaterThan(0.9);
    expect(glideinParser.detect({ name: 'job.884512.0.err', head: ['some stderr'] })).toBe(0);
    expect(glideinParser.detect({ name: 'StartLog', head: ['11/23/26 08:00:01 ** PID = 2204'] })).toBe(0);
  });
});
