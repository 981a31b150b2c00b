import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junkLines, runParserOther } from '../common/testing-other';
import { dcacheBillingParser } from './index';

const sample = readFileSync(join(__dirname, 'samples/billing-2026.11.23'), 'utf8');

describe('dCache billing parser', () => {
  it('detects billing files', () => {
    expect(dcacheBillingParser.detect({ name: 'billing-2026.11.23', head: sample.split('\n') })).toBeGreaterThan(0.9);
    expect(dcacheBillingParser.detect({ name: 'x', head: ['level=INFO ts=2026-11-23T14:05:41.512+0100 event=org.dcache.webdav.request'] })).toBe(0);
  });

  it('reads door, mover and remove lines with year and zone from the context', () => {
    const { events, problems } = runParserOther(dcacheBillingParser, sample, { tz: 'Europe/Zurich', year: 2026 });
    expect(problems).toEqual([]);
    expect(events).toHaveLength(3);
    expect(new Date(events[0]!.time.ts).toISOString()).toBe('2026-11-23T13:05:42.000Z');
    expect(events[0]!.time.assumed).toBe('tz=Europe/Zurich; year=2026 (analyst)');
    expect(events[0]!.ids).toEqual({
      ip: '203.0.113.44',
      sub: '7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11',
      user: '40501:4050',
      endpoint: '/pnfs/example-site.org/data/cms/store/mc/file01.root',
      op: 'request',
      status: '0',
    });
    expect(events[1]!.ids).toMatchObject({ host: 'se01.example-site.org', ip: '203.0.113.44', op: 'transfer' });
    expect(events[2]!.ids).toMatchObject({ dn: '/DC=org/DC=example/OU=People/CN=alice', ip: '2001:db8:40::17', op: 'delete', status: '10018' });
  });

  it('reports malformed lines', () => {
    const good = sample.split('\n')[0]!;
    const { events, problems } = runParserOther(dcacheBillingParser, [good, ...junkLines(), '13.45 14:05:42 [door:x:request] y'].join('\n'));
    expect(events).toHaveLength(1);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['line.malformed', 2],
      ['line.malformed', 3],
      ['line.malformed', 4],
      ['line.malformed', 6],
      ['line.malformed', 7],
      ['time.unparsed', 8],
    ]);
  });
});
