import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecret, junkLines, runParserOther } from '../common/testing-other';
import { ftsParser } from './index';

const name = readdirSync(join(__dirname, 'samples'))[0]!;
const sample = readFileSync(join(__dirname, 'samples', name), 'utf8');

describe('FTS url-copy log parser', () => {
  it('detects FTS transfer logs', () => {
    expect(ftsParser.detect({ name, head: sample.split('\n') })).toBeGreaterThan(0.9);
    expect(ftsParser.detect({ name: 'x.log', head: ['2026-11-23 13:10:04,221 | INFO     | PanDA job id: 1'] })).toBe(0);
  });

  it('gathers one transfer event with job, file, urls, VO and issuer', () => {
    const { events, problems } = runParserOther(ftsParser, sample, { name: `fts01.example-vo.org/var/log/fts3/2026-11-23/se02__se01/${name}` });
    expect(problems).toEqual([]);
    expect(events).toHaveLength(1);
    const t = events[0]!;
    expect(t.kind).toBe('transfer');
    expect(t.src?.line).toBe(8);
    expect(new Date(t.time.ts).toISOString()).toBe('2026-11-23T13:05:40.000Z');
    expect(t.time.text).toBe('23 Nov 2026 14:05:40 +0100');
    expect(t.ids).toEqual({
      host: 'fts01.example-vo.org',
      transferJobId: '5e0f7a4c-c8b1-11f0-9d2e-fa163e000001',
      transferFileId: '4409127731',
      endpoint: 'davs://se01.example-site.org:2880/pnfs/example-site.org/data/cms/store/user/alice/copy.root',
      vo: 'cms',
      iss: 'https://cms-auth.example-iam.org/',
      status: 'ok',
    });
    expect(t.summary).toContain('davs://se02.example-site.org:2880/store/mc/file01.root');
  });

  it('takes job and file ids from the file name when the lines lack them', () => {
    const lines = sample.split('\n').filter((l) => !/Job id|File id/.test(l)).join('\n');
    const { events } = runParserOther(ftsParser, lines, { name });
    expect(events[0]!.ids).toMatchObject({ transferJobId: '5e0f7a4c-c8b1-11f0-9d2e-fa163e000001', transferFileId: '4409127731' });
  });

  it('flags an unredacted credential and reports malformed lines', () => {
    const good = sample.split('\n');
    const text = ['garbage first', ...good.slice(0, 8), ...junkLines()].join('\n');
    const { events, problems } = runParserOther(ftsParser, text, { secrets: { 8: [fakeSecret('d'.repeat(64))] } });
    expect(events.map((e) => e.kind)).toEqual(['token.exposure', 'transfer']);
    expect(events[0]!.ids.tokenFps).toEqual(['d'.repeat(64)]);
    expect(events[1]!.ids.tokenFps).toBeUndefined();
    expect(problems.map((p) => p.line)).toEqual([1, 11]);
  });
});
