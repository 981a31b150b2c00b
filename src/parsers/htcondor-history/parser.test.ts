import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParser } from '../common/testing';
import { historyParser } from './parser';

const read = (f: string) => readFileSync(join(__dirname, 'samples', f), 'utf8');

describe('htcondor.history', () => {
  it('reads the on-disk history file (ads ended by *** banners)', () => {
    const { events, problems } = runParser(historyParser, read('history'), { name: 'spool/history' });
    expect(problems).toEqual([]);
    const recs = events.filter((e) => e.kind === 'job.record');
    expect(recs.map((e) => e.src?.line)).toEqual([1, 19, 35]);
    expect(recs[0].ids).toMatchObject({
      ceJobId: '40117.0',
      globalJobId: 'ce01.example-site.org#40117.0#1795438932',
      host: 'ce01.example-site.org',
      user: 'cmspilot',
      sub: 'bad0c0de-0000-4000-8000-00000000f00d',
      iss: 'https://cms-auth.example-iam.org/',
      jti: '2c4e6f80-1a3b-4c5d-8e9f-0a1b2c3d4e5f',
      vo: 'cms',
    });
    expect(recs[0].ids.batchJobId).toBeUndefined();
    expect(new Date(recs[0].time.ts).toISOString()).toBe('2026-11-23T13:02:12.000Z');
    // The routed job: ceJobId = RoutedFromJobId, batchJobId = its own id, worker node + slot.
    expect(recs[1].ids).toMatchObject({ ceJobId: '40117.0', batchJobId: '40118.0', workerNode: 'wn042.example-site.org', slot: 'slot1_3' });
    expect(recs[1].time.text).toBe('JobStartDate = 1795439402');
    expect(recs[1].summary).toContain('slurm/20261123/884512');
    expect(recs[2].ids).toMatchObject({ dn: '/DC=org/DC=example/OU=People/CN=Alice Example 123456', vo: 'dteam', user: 'alice' });
  });

  it('derives job.start and job.end from the same evidence line', () => {
    const { events } = runParser(historyParser, read('history'));
    const routed = events.filter((e) => e.src?.line === 19);
    expect(routed.map((e) => e.kind)).toEqual(['job.record', 'job.start', 'job.end']);
    expect(new Date(routed[1].time.ts).toISOString()).toBe('2026-11-23T13:10:02.000Z');
    expect(new Date(routed[2].time.ts).toISOString()).toBe('2026-11-23T15:55:03.000Z');
    // CompletionDate = 0 means not completed: no job.end for the third ad.
    expect(events.filter((e) => e.src?.line === 35).map((e) => e.kind)).toEqual(['job.record']);
  });

  it('reads condor_q -l output (blank-line separated, schedd header)', () => {
    const { events, problems } = runParser(historyParser, read('condor_q-l.txt'));
    expect(problems).toEqual([]);
    const recs = events.filter((e) => e.kind === 'job.record');
    expect(recs.map((e) => [e.src?.line, e.ids.ceJobId])).toEqual([
      [2, '40200.0'],
      [15, '40200.1'],
    ]);
    expect(recs[0].ids).toMatchObject({ workerNode: 'wn050.example-site.org', slot: 'slot1_7', vo: 'atlas' });
  });

  it('reads -json arrays', () => {
    const { events, problems } = runParser(historyParser, read('condor_history.json'));
    expect(problems).toEqual([]);
    expect(events.map((e) => e.kind)).toEqual(['job.record', 'job.start', 'job.end']);
    expect(events[0].ids).toMatchObject({ ceJobId: '40117.0', batchJobId: '40118.0', workerNode: 'wn042.example-site.org' });
    expect(events[0].src?.line).toBe(3);
  });

  it('reports malformed lines and ads without time, keeps the rest', () => {
    const text = [
      'ClusterId = 1',
      'ProcId = 0',
      'garbage line with no equals',
      '\u0000\u0001\ufffd',
      `Environment = "${'z'.repeat(100_000)}"`,
      'QDate = 1795438932',
      '',
      'ClusterId = 2',
      'ProcId = 0',
      '*** ProcId = 0 ClusterId = 2',
      'ClusterId = 3',
    ].join('\n');
    const r = runParser(historyParser, text);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([
      ['line.malformed', 3],
      ['line.malformed', 4],
      ['time.unparsed', 8],
      ['time.unparsed', 11],
    ]);
    expect(r.events.map((e) => [e.kind, e.src?.line, e.ids.ceJobId])).toEqual([['job.record', 1, '1.0']]);
    const j = runParser(historyParser, '[\n{\n  "ClusterId": 5,\n  broken\n  "QDate": 1795438932\n}\n]');
    expect(j.problems.map((p) => p.line)).toEqual([4]);
    expect(j.events[0].ids.ceJobId).toBeUndefined();
  });

  it('detects ClassAd dumps and not other logs', () => {
    const head = read('history').split('\n').slice(0, 40);
    expect(historyParser.detect({ name: 'history.20261123T140211', head })).toBeGreaterThan(0.95);
    expect(historyParser.detect({ name: 'dump.txt', head: read('condor_history.json').split('\n') })).toBeGreaterThan(0.8);
    expect(historyParser.detect({ name: 'job.abc.local', head: ['globalid=https://x/arex/abc', 'lrms=slurm', 'queue=grid'] })).toBe(0);
    expect(historyParser.detect({ name: 'SchedLog', head: ['11/23/26 14:02:11 ** PID = 4012'] })).toBe(0);
  });
});

describe('history banner', () => {
  it('fills ClusterId/ProcId from the banner when the ad lacks them', () => {
    const r = runParser(historyParser, 'Owner = "bob"\nQDate = 1795438932\n*** Offset = 0 ClusterId = 77 ProcId = 3 Owner = "bob" CompletionDate = 0\n');
    expect(r.events[0].ids).toMatchObject({ ceJobId: '77.3', user: 'bob' });
  });
});
