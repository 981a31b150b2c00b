import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junkLines, runParserOther } from '../common/testing-other';
import { dcacheDomainParser } from './index';

const sample = readFileSync(join(__dirname, 'samples/webdavDomain.log'), 'utf8');

describe('dCache domain log parser', () => {
  it('detects domain logs', () => {
    expect(dcacheDomainParser.detect({ name: 'webdavDomain.log', head: sample.split('\n') })).toBeGreaterThan(0.5);
    expect(dcacheDomainParser.detect({ name: 'x', head: ['11.23 14:05:42 [door:WebDAV-se01@webdavDomain:request] x'] })).toBe(0);
  });

  it('reads login failures and OIDC warnings; skips other lines and explanation trees', () => {
    const { events, problems } = runParserOther(dcacheDomainParser, sample, { tz: 'Europe/Zurich' });
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.src?.line, e.kind])).toEqual([
      [1, 'log'],
      [2, 'auth.fail'],
      [3, 'auth.fail'],
    ]);
    expect(events[1]!.ids).toEqual({
      session: 'door:WebDAV-se01@webdavDomain:AAXyzQ2 PUT /pnfs/example-site.org/data/cms/store/user/alice/out.root',
      op: 'write',
      endpoint: '/pnfs/example-site.org/data/cms/store/user/alice/out.root',
    });
    expect(new Date(events[1]!.time.ts).toISOString()).toBe('2026-11-23T13:06:02.000Z');
    expect(events[1]!.time.assumed).toBe('tz=Europe/Zurich');
  });

  it('reports malformed lines', () => {
    const { events, problems } = runParserOther(dcacheDomainParser, ['junk first', sample.split('\n')[1], ...junkLines()].join('\n'));
    expect(events).toHaveLength(1);
    expect(problems.map((p) => p.line)).toEqual([1, 4]);
  });
});
