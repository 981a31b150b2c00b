import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParser } from '../common/testing';
import { startLogParser } from './startlog';
import { starterLogParser } from './starterlog';

const dir = join(__dirname, 'samples', 'wn042.example-site.org');
const startLog = readFileSync(join(dir, 'StartLog'), 'utf8');
const starterLog = readFileSync(join(dir, 'StarterLog.slot1_3'), 'utf8');
const junk = ['not a condor line', '\u0000\u0001\ufffd', '11/23/26 14:1', `11/23/26 14:10:02 slot1_3: ${'q'.repeat(100_000)}`, '2026-11-23T14:10:02Z something'];

describe('htcondor.startlog', () => {
  const { events, problems } = runParser(startLogParser, startLog, { name: 'bundle.tgz!/wn042.example-site.org/var/log/condor/StartLog' });
  it('gives job start/end per slot with the job id and owner', () => {
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.src?.line, e.kind])).toEqual([
      [10, 'log'],
      [14, 'job.start'],
      [16, 'log'],
      [18, 'job.end'],
    ]);
    expect(events[1].ids).toEqual({
      host: 'wn042.example-site.org',
      ip: '192.0.2.42',
      slot: 'slot1_3',
      batchJobId: '40118.0',
      user: 'cmspilot',
    });
    expect(events[3].ids.batchJobId).toBe('40118.0');
  });
  it('takes the host from the command socket alias when the path has none', () => {
    const r = runParser(startLogParser, startLog, { name: 'StartLog' });
    expect(r.events[1].ids.host).toBe('wn042.example-site.org');
  });
  it('reports malformed lines', () => {
    const r = runParser(startLogParser, junk.join('\n'), { name: 'StartLog' });
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([
      ['line.malformed', 1],
      ['line.malformed', 2],
      ['line.malformed', 3],
      ['line.malformed', 5],
    ]);
    expect(r.events).toEqual([]);
  });
});

describe('htcondor.starterlog', () => {
  const name = 'wn042.example-site.org/var/log/condor/StarterLog.slot1_3';
  const { events, problems } = runParser(starterLogParser, starterLog, { name });
  it('gives the job start and end with slot and node', () => {
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.src?.line, e.kind])).toEqual([
      [7, 'log'],
      [10, 'log'],
      [11, 'job.start'],
      [14, 'job.end'],
      [15, 'log'],
    ]);
    expect(events[2].ids).toEqual({ host: 'wn042.example-site.org', ip: '192.0.2.42', slot: 'slot1_3', batchJobId: '40118.0' });
    expect(events[3].ids.batchJobId).toBe('40118.0');
    expect(events[4].ids.status).toBe('0');
  });
  it('reports malformed lines', () => {
    const r = runParser(starterLogParser, [...junk, starterLog.split('\n')[10]].join('\n'), { name });
    expect(r.problems.map((p) => p.line)).toEqual([1, 2, 3, 5]);
    expect(r.events.map((e) => [e.src?.line, e.kind])).toEqual([[6, 'job.start']]);
  });
});

describe('startd detection', () => {
  it('tells StartLog and StarterLog apart', () => {
    const s = { name: 'StartLog', head: startLog.split('\n') };
    const t = { name: 'StarterLog.slot1_3', head: starterLog.split('\n') };
    expect(startLogParser.detect(s)).toBeGreaterThan(starterLogParser.detect(s));
    expect(starterLogParser.detect(t)).toBeGreaterThan(startLogParser.detect(t));
    expect(startLogParser.detect({ name: 'x.log', head: startLog.split('\n') })).toBeGreaterThan(0.8);
    expect(starterLogParser.detect({ name: 'x.log', head: starterLog.split('\n') })).toBeGreaterThan(0.8);
    expect(startLogParser.detect({ name: 'arex.log', head: ['[2026-11-23 14:02:11] [Arc.A-REX] [INFO] [1/2] x'] })).toBe(0);
  });
});
