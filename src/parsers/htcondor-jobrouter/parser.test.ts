import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParser } from '../common/testing';
import { jobRouterParser } from './parser';

const sample = readFileSync(join(__dirname, 'samples', 'JobRouterLog'), 'utf8');
const name = 'ce01.example-site.org/var/log/condor-ce/JobRouterLog';

describe('htcondor.jobrouter', () => {
  const { events, problems } = runParser(jobRouterParser, sample, { name });

  it('turns descriptor lines into route/end/log events', () => {
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.src?.line, e.kind])).toEqual([
      [6, 'job.route'],
      [7, 'job.route'],
      [8, 'log'],
      [9, 'log'],
      [10, 'job.end'],
      [11, 'job.end'],
      [12, 'log'],
    ]);
    expect(events[1].ids).toEqual({ host: 'ce01.example-site.org', ceJobId: '40117.0', batchJobId: '40118.0' });
    expect(events[0].ids.batchJobId).toBeUndefined();
    expect(events[1].summary).toBe('CE job 40117.0 submitted job as 40118.0 via route Local_Condor');
    expect(events[3].severity).toBe('low');
  });

  it('reports malformed lines and keeps good ones', () => {
    const text = ['junk', sample.split('\n')[6], '\u0000\ufffd', `11/23/26 14:02:20 JobRouter (src=1.0,dest=2.0,route=${'r'.repeat(100_000)}): submitted job`, '11/23/'].join('\n');
    const r = runParser(jobRouterParser, text, { name });
    expect(r.problems.map((p) => p.line)).toEqual([1, 3, 5]);
    expect(r.events.map((e) => [e.src?.line, e.kind, e.ids.batchJobId])).toEqual([
      [2, 'job.route', '40118.0'],
      [4, 'job.route', '2.0'],
    ]);
  });

  it('detects JobRouterLogs', () => {
    const head = sample.split('\n');
    expect(jobRouterParser.detect({ name: 'JobRouterLog.old', head })).toBeGreaterThan(0.95);
    expect(jobRouterParser.detect({ name: 'router.txt', head })).toBeGreaterThan(0.8);
    expect(jobRouterParser.detect({ name: 'SchedLog', head: ['11/23/26 14:02:11 ** PID = 4012'] })).toBe(0);
  });
});
