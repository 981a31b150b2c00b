/**
 * Year-less logs that span New Year (syslog's `Dec 31 23:59:58`, dCache billing's `12.31 …`), read
 * through the real pipeline with the year from the file time: December lines belong to the year
 * before a January file time, and their note says why. An analyst's year is taken as given.
 */
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../ingest/source';
import type { Case } from '../../model/case';
import { analyzeSources } from '../../pipeline/index';

const AUTH = [
  'Dec 31 23:59:58 ui01 sshd[4242]: Accepted publickey for alice from 198.51.100.7 port 50522 ssh2',
  'Jan  1 00:00:03 ui01 sshd[4243]: Accepted publickey for bob from 198.51.100.8 port 50523 ssh2',
  'Jan  2 09:15:00 ui01 sshd[4244]: Failed password for invalid user admin from 203.0.113.9 port 50524 ssh2',
].join('\n');
const BILLING = [
  '12.31 23:59:59 [door:WebDAV-se01@webdavDomain:request] ["7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11@cms":40501:4050:203.0.113.44] [0000A1B2C3D4E5F60718293A4B5C6D7E8F90,2147483] [/pnfs/example-site.org/data/cms/store/mc/file01.root] cms:mc@osm 812 0 {0:""}',
  '01.01 00:00:01 [door:WebDAV-se01@webdavDomain:request] ["7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11@cms":40501:4050:203.0.113.44] [0000A1B2C3D4E5F60718293A4B5C6D7E8F91,2147483] [/pnfs/example-site.org/data/cms/store/mc/file02.root] cms:mc@osm 812 0 {0:""}',
].join('\n');
/** Written on 2 January 2027 at noon UTC: the logs' last lines. */
const MTIME = Date.UTC(2027, 0, 2, 12, 0, 0);

const isoOf = (c: Case, input: string) => c.events.filter((e) => e.src.input === input).map((e) => new Date(e.time.ts).toISOString());

describe('year-less dates across New Year', () => {
  it('puts December lines in the year before a January file time, saying so', async () => {
    const c = await analyzeSources([bytesSource('ui01/var/log/auth.log', `${AUTH}\n`, MTIME), bytesSource('se01/billing/billing-2027.01.01', `${BILLING}\n`, MTIME)], { name: 'new year' });
    expect(c.inputs.map((i) => i.parser)).toEqual(['sshd', 'dcache.billing']);
    expect(isoOf(c, 'ui01/var/log/auth.log')).toEqual(['2026-12-31T23:59:58.000Z', '2027-01-01T00:00:03.000Z', '2027-01-02T09:15:00.000Z']);
    expect(isoOf(c, 'se01/billing/billing-2027.01.01')).toEqual(['2026-12-31T23:59:59.000Z', '2027-01-01T00:00:01.000Z']);
    const notes = c.events.filter((e) => e.src.input === 'ui01/var/log/auth.log').map((e) => e.time.assumed);
    expect(notes[0]).toBe("tz=UTC; year=2026 (the year before: in file time's year the date would follow the file)");
    expect(notes[1]).toBe('tz=UTC; year=2027 (file time)');
  });

  it("takes a dated billing file's year from its name, not from a copy's file time", async () => {
    // Copied in March 2027: the name still says the last day of 2026; a line after it is a year earlier.
    const c = await analyzeSources([bytesSource('se01/billing/2026/12/billing-2026.12.31', `${BILLING.split('\n')[0]}\n`, Date.UTC(2027, 2, 5))], { name: 'named' });
    expect(isoOf(c, 'se01/billing/2026/12/billing-2026.12.31')).toEqual(['2026-12-31T23:59:59.000Z']);
    expect(c.events[0]!.time.assumed).toBe('tz=UTC; year=2026 (file name billing-2026.12.31)');
  });

  it('keeps the file time year for dates up to a day after the file time, and an analyst year as given', async () => {
    // Clocks and zones: a line stamped the day after the file time is still that year's.
    const c = await analyzeSources([bytesSource('a/auth.log', `${AUTH}\n`, Date.UTC(2027, 0, 1, 12))], { name: 'slack' });
    expect(isoOf(c, 'a/auth.log')).toEqual(['2026-12-31T23:59:58.000Z', '2027-01-01T00:00:03.000Z', '2027-01-02T09:15:00.000Z']);
    const given = await analyzeSources([bytesSource('b/auth.log', `${AUTH}\n`, MTIME)], { name: 'analyst', year: 2027 });
    expect(isoOf(given, 'b/auth.log')).toEqual(['2027-12-31T23:59:58.000Z', '2027-01-01T00:00:03.000Z', '2027-01-02T09:15:00.000Z']);
  });
});
