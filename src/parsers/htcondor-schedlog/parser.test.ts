import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParser } from '../common/testing';
import { schedLogParser } from './parser';

const sample = readFileSync(join(__dirname, 'samples', 'SchedLog'), 'utf8');
const name = 'ce01.example-site.org/var/log/condor-ce/SchedLog';

describe('htcondor.schedlog', () => {
  const { events, problems } = runParser(schedLogParser, sample, { name });

  it('keeps the token and shadow lines, skips daemon chatter, reports nothing', () => {
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.src?.line, e.kind])).toEqual([
      [10, 'log'],
      [11, 'token.use'],
      [12, 'token.reject'],
      [13, 'token.reject'],
      [14, 'token.reject'],
      [15, 'log'],
      [16, 'log'],
      [17, 'log'],
    ]);
  });

  it('splits the SCITOKENS identity into issuer and subject', () => {
    expect(events[1].ids).toMatchObject({
      host: 'ce01.example-site.org',
      iss: 'https://cms-auth.example-iam.org/',
      sub: 'bad0c0de-0000-4000-8000-00000000f00d',
      user: 'cmspilot',
      vo: 'cms',
    });
    expect(events[3].ids).toMatchObject({ iss: 'https://evil-auth.example.net/', sub: '0f0f0f0f-1111-4222-8333-444455556666' });
    expect(events[4].ids.jti).toBe('9a8b7c6d-0000-4000-8000-0123456789ab');
  });

  it('names the job and worker node of shadow lines', () => {
    expect(events[5].ids).toMatchObject({ ceJobId: '40118.0', workerNode: 'wn042.example-site.org' });
    expect(events[6].ids).toMatchObject({ ceJobId: '40118.1', workerNode: 'wn043.example-site.org', slot: 'slot1_4' });
    expect(events[7].ids).toMatchObject({ ceJobId: '40118.0', status: '100' });
  });

  it('reports malformed lines with numbers and survives junk', () => {
    const text = [
      sample.split('\n')[10],
      'Stack dump for process 4012 at timestamp 1795439140 (12 frames)',
      '\u0000\u0007binary\ufffd',
      `11/23/26 14:02:11 (D_SECURITY) SCITOKENS error: ${'y'.repeat(100_000)}`,
      '11/23/26 14:02',
      '[2026-11-23 14:02:11] [Arc.A-REX] [INFO] [1/2] not condor',
    ].join('\n');
    const r = runParser(schedLogParser, text, { name });
    expect(r.problems.map((p) => p.line)).toEqual([2, 3, 5, 6]);
    expect(r.events.map((e) => [e.src?.line, e.kind])).toEqual([
      [1, 'token.use'],
      [4, 'token.reject'],
    ]);
    expect((r.events[1].summary ?? '').length).toBeLessThan(200);
  });

  it('detects SchedLogs', () => {
    const head = sample.split('\n').slice(0, 30);
    expect(schedLogParser.detect({ name: 'SchedLog.old', head })).toBeGreaterThan(0.9);
    expect(schedLogParser.detect({ name: 'schedd.txt', head })).toBeGreaterThan(0.5);
    expect(schedLogParser.detect({ name: 'JobRouterLog', head: ['11/23/26 14:02:20 JobRouter (src=1.0,route=X): claimed job'] })).toBe(0);
  });

  it('reads the mapped user whether the message ends after it or goes on', () => {
    const iss = 'https://cms-auth.example-iam.org/';
    const msgs = [`to cmspilot`, `to cmspilot,`, `to cmspilot, more`, `to cms@pool extra`, `to a,b`, `to u\tv`];
    const text = msgs.map((m) => `11/23/26 01:22:37 (D_SECURITY) Mapped SCITOKENS authenticated identity '${iss},sub1' ${m}`).join('\n');
    const { events } = runParser(schedLogParser, text, { name: 'SchedLog' });
    // A tab is no end of the user name: that line is not a mapping.
    expect(events.map((e) => [e.src?.line, e.ids.user])).toEqual([[1, 'cmspilot'], [2, 'cmspilot'], [3, 'cmspilot'], [4, 'cms'], [5, 'a,b']]);
  });
});
