import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junkLines, runParserOther } from '../common/testing-other';
import { netmapDhcpParser, netmapHostsParser, netmapNatParser } from './index';

const read = (n: string) => readFileSync(join(__dirname, 'samples', n), 'utf8');
const hosts = read('hosts.txt');
const dhcp = read('dhcpd.leases');
const nat = read('nat-notes.txt');
const natTable = read('nat-gateways.txt');
const parsers = [netmapHostsParser, netmapDhcpParser, netmapNatParser];

describe('netmap parsers', () => {
  it('each sample is claimed by its own parser', () => {
    const cases: [string, string, number][] = [
      ['hosts.txt', hosts, 0],
      ['dhcpd.leases', dhcp, 1],
      ['nat-notes.txt', nat, 2],
      ['nat-gateways.txt', natTable, 2],
    ];
    for (const [name, text, want] of cases) {
      const scores = parsers.map((p) => p.detect({ name, head: text.split('\n') }));
      expect(scores.indexOf(Math.max(...scores))).toBe(want);
    }
  });

  it('hosts: one mapping per line at the file time', () => {
    const { events, problems } = runParserOther(netmapHostsParser, hosts, { fileTimeMs: 1795392000000 });
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.ids.ip, e.ids.host])).toEqual([
      ['192.0.2.42', 'wn042.example-site.org'],
      ['192.0.2.43', 'wn043.example-site.org'],
      ['2001:db8:40::17', 'wn017.example-site.org'],
      ['203.0.113.10', 'nat01.example-site.org'],
    ]);
    expect(events[0]!.kind).toBe('net.map');
    expect(events[0]!.time.assumed).toBe('file time');
    expect(events[0]!.summary).toContain('valid 2026-11-23T00:00:00Z/open');
  });

  it('dhcp: one mapping per lease, bounded by starts/ends', () => {
    const { events, problems } = runParserOther(netmapDhcpParser, dhcp);
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.src?.line, e.ids.ip, e.ids.host])).toEqual([
      [4, '192.0.2.42', 'wn042'],
      [12, '192.0.2.43', '52:54:00:12:34:57'],
    ]);
    expect(events[0]!.summary).toContain('valid 2026-11-23T06:00:00Z/2026-11-23T18:00:00Z');
    expect(events[1]!.summary).toContain('valid 2026-11-23T06:00:00Z/2026-11-23T18:00:00Z');
  });

  it('nat: one mapping per private host behind the public address', () => {
    const { events, problems } = runParserOther(netmapNatParser, nat);
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.ids.ip, e.ids.host])).toEqual([
      ['203.0.113.10', 'wn041.example-site.org'],
      ['203.0.113.10', 'wn042.example-site.org'],
      ['203.0.113.10', 'wn043.example-site.org'],
      ['2001:db8:ffff::1', 'wn017.example-site.org'],
    ]);
    expect(events[3]!.summary).toContain('valid 2026-11-23T11:00:00Z/open');
  });

  it('nat: the network-team table form, validity from the comment', () => {
    const { events, problems } = runParserOther(netmapNatParser, natTable, { tz: 'Europe/Zurich' });
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.src?.line, e.ids.ip, e.ids.host])).toEqual([
      [4, '203.0.113.10', 'wn041.example-site.org'],
      [4, '10.10.0.41', 'wn041.example-site.org'],
      [5, '203.0.113.10', 'wn042.example-site.org'],
      [5, '10.10.0.42', 'wn042.example-site.org'],
    ]);
    expect(events[0]!.time.assumed).toBe('tz=Europe/Zurich');
    expect(events[0]!.summary).toContain('valid 2026-10-31T23:00:00Z/2026-11-30T23:00:00Z');
    // without a validity comment: from the file time, open end
    const bare = runParserOther(netmapNatParser, natTable.split('\n').slice(3).join('\n'), { fileTimeMs: Date.UTC(2026, 10, 24) });
    expect(bare.events[0]!.summary).toContain('valid 2026-11-24T00:00:00Z/open');
  });

  it('report malformed lines with numbers and keep good ones', () => {
    const h = runParserOther(netmapHostsParser, [hosts, ...junkLines()].join('\n'), { fileTimeMs: 0 });
    expect(h.events).toHaveLength(4);
    expect(h.problems.map((p) => p.line)).toEqual([7, 8, 9, 11, 12]);
    const n = runParserOther(netmapNatParser, [nat, ...junkLines(), 'nat 999.1.1.1 2026-11-23T00:00:00Z open a', 'nat 203.0.113.9 yesterday open a'].join('\n'));
    expect(n.events).toHaveLength(4);
    expect(n.problems.map((p) => p.line)).toEqual([6, 7, 8, 10, 11, 12, 13]);
    const d = runParserOther(netmapDhcpParser, [...junkLines(), dhcp.split('\n').slice(3, 11).join('\n')].join('\n'));
    expect(d.events).toHaveLength(1);
    expect(d.problems.map((p) => p.line)).toEqual([1, 2, 3, 5, 6]);
    // a truncated lease block is reported, and still mapped when it names the host
    const t = runParserOther(netmapDhcpParser, dhcp.split('\n').slice(3, 10).join('\n'));
    expect(t.events).toHaveLength(1);
    expect(t.problems).toEqual([expect.objectContaining({ code: 'line.malformed', line: 1 })]);
  });
});
