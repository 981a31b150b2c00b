import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParser } from '../common/testing';
import { arexLogParser } from './arex-log';
import { arcControlParser } from './control-file';
import { arexJobsParser } from './jobs-log';

const read = (f: string) => readFileSync(join(__dirname, 'samples', f), 'utf8');
const JOB = 'Xq7LDmABFKDmZ0aP3ccCbwnmABFKDmABFKDmVnLKDmABFKDmG9sY7n';
const ISS = 'https://atlas-auth.example-iam.org/';
const SUB = '7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11';
const junk = ['garbage', '\u0000\u0001\ufffd', `[2026-11-23 14:02:11] [Arc.A-REX] [INFO] [1/2] ${'w'.repeat(100_000)}`, '11/23/26 14:02:11 (cid:1) Submitting new job 1.0', '[2026-11-23 14:0'];

describe('arc.arex', () => {
  const { events, problems } = runParser(arexLogParser, read('arex.log'), { name: 'arc01.example-site.org/var/log/arc/arex.log', tz: 'Europe/Oslo' });
  it('gives token identity, local account and job states', () => {
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.src?.line, e.kind])).toEqual([
      [2, 'token.use'],
      [3, 'log'],
      [5, 'log'],
      [6, 'log'],
      [7, 'job.start'],
      [8, 'log'],
      [9, 'job.end'],
      [10, 'token.reject'],
    ]);
    expect(events[0].ids).toEqual({ host: 'arc01.example-site.org', iss: ISS, sub: SUB, vo: 'atlas' });
    expect(events[1].ids.user).toBe('atlpilot1');
    expect(events[4].ids.arcJobId).toBe(JOB);
    expect(new Date(events[0].time.ts).toISOString()).toBe('2026-11-23T13:02:11.000Z');
    expect(events[0].time.assumed).toBe('tz=Europe/Oslo');
  });
  it('reports malformed lines', () => {
    const r = runParser(arexLogParser, junk.join('\n'));
    expect(r.problems.map((p) => p.line)).toEqual([1, 2, 4, 5]);
    expect(r.events).toEqual([]);
  });
});

describe('arc.jobs', () => {
  const { events, problems } = runParser(arexJobsParser, read('arex-jobs.log'));
  it('maps Started to job.submit and Finished to job.end with the batch id', () => {
    expect(problems).toEqual([]);
    expect(events.map((e) => e.kind)).toEqual(['job.submit', 'job.end', 'job.submit', 'job.end']);
    expect(events[1].ids).toEqual({ arcJobId: JOB, iss: ISS, sub: SUB, vo: 'atlas', batchJobId: '884512' });
    expect(events[3].ids).toMatchObject({ dn: '/DC=org/DC=example/OU=People/CN=Alice Example 123456', batchJobId: '884530' });
    expect(events[3].severity).toBe('low');
    expect(events[2].summary).toContain('slurm/grid');
  });
  it('reports malformed lines', () => {
    const r = runParser(arexJobsParser, [...junk, read('arex-jobs.log').split('\n')[0]].join('\n'));
    expect(r.problems.map((p) => p.line)).toEqual([1, 2, 3, 4, 5]);
    expect(r.events.map((e) => e.src?.line)).toEqual([6]);
  });
});

describe('arc.control', () => {
  const name = `spool/jobstatus/job.${JOB}.local`;
  it('gives one job.submit with client ip, identity and batch id', () => {
    const { events, problems } = runParser(arcControlParser, read(`job.${JOB}.local`), { name });
    expect(problems).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0].src?.line).toBe(8);
    expect(events[0].ids).toEqual({ iss: ISS, sub: SUB, vo: 'atlas', ip: '2001:db8:51::5', arcJobId: JOB, host: 'arc01.example-site.org', batchJobId: '884512' });
    expect(new Date(events[0].time.ts).toISOString()).toBe('2026-11-23T13:02:11.000Z');
  });
  it('reports malformed lines and a missing start time', () => {
    const r = runParser(arcControlParser, ['lrms=slurm', ...junk].join('\n'), { name });
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([
      ['line.malformed', 2],
      ['line.malformed', 3],
      ['line.malformed', 4],
      ['line.malformed', 5],
      ['line.malformed', 6],
      ['time.unparsed', 1],
    ]);
  });
});

describe('arc detection', () => {
  it('claims each file for its own parser only', () => {
    const a = { name: 'arex.log', head: read('arex.log').split('\n') };
    const j = { name: 'arex-jobs.log', head: read('arex-jobs.log').split('\n') };
    const c = { name: `job.${JOB}.local`, head: read(`job.${JOB}.local`).split('\n') };
    expect(arexLogParser.detect(a)).toBeGreaterThan(0.9);
    expect(arexJobsParser.detect(j)).toBeGreaterThan(0.9);
    expect(arcControlParser.detect(c)).toBeGreaterThan(0.9);
    for (const [p, s] of [[arexLogParser, j], [arexLogParser, c], [arexJobsParser, a], [arexJobsParser, c], [arcControlParser, a], [arcControlParser, j]] as const) {
      expect(p.detect(s)).toBe(0);
    }
  });
});
