import { describe, expect, it } from 'vitest';
import type { TgEvent } from '../model/event';
import { mulberry32 } from '../scenario/prng';
import type { IpHostSpan } from './graph';
import { buildSpans, hostsAt, HostsAtMemo, netmapInterval } from './netmap';

function nm(parser: string, ip: string, host: string, summary: string, assumed?: string): TgEvent {
  return { id: `e0.${ip}.${host}`, time: { ts: 0, text: '', ...(assumed ? { assumed } : {}) }, src: { input: 'net/x', line: 1, parser }, kind: 'net.map', ids: { ip, host }, text: `${ip} ${host}`, summary };
}
const T = (s: string) => Date.parse(s);

describe('netmap intervals', () => {
  it('reads the parsers\' `valid <from>/<to|open>` summary', () => {
    expect(netmapInterval(nm('netmap.dhcp', '10.0.0.5', 'wn5', '10.0.0.5 ↔ wn5 valid 2026-11-23T10:00:00Z/2026-11-23T12:00:00Z (dhcp lease)'))).toEqual({ from: T('2026-11-23T10:00:00Z'), to: T('2026-11-23T12:00:00Z') });
    expect(netmapInterval(nm('netmap.nat', '203.0.113.10', 'wn5', '203.0.113.10 ↔ wn5 valid 2026-11-23T11:00:00Z/open (NAT note)'))).toEqual({ from: T('2026-11-23T11:00:00Z'), to: Number.POSITIVE_INFINITY });
  });

  it('a hosts dump dated only by its file time is standing configuration: open start', () => {
    expect(netmapInterval(nm('netmap.hosts', '10.0.0.5', 'wn5', '10.0.0.5 ↔ wn5 valid 2026-11-25T00:00:00Z/open (hosts)', 'file time'))).toEqual({ from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY });
  });

  it('an IP belongs to a host only inside the lease; outside it maps to nothing', () => {
    const e = nm('netmap.dhcp', '10.0.0.5', 'wn5', '10.0.0.5 ↔ wn5 valid 2026-11-23T10:00:00Z/2026-11-23T12:00:00Z (dhcp lease)');
    const { byIp } = buildSpans([e], [], 120_000);
    expect(hostsAt(byIp, '10.0.0.5', T('2026-11-23T11:00:00Z'), T('2026-11-23T11:00:00Z'), 0).map((s) => s.host)).toEqual(['wn5']);
    expect(hostsAt(byIp, '10.0.0.5', T('2026-11-23T13:00:00Z'), T('2026-11-23T13:00:00Z'), 120_000)).toEqual([]);
    expect(hostsAt(byIp, '10.0.0.5', T('2026-11-23T12:01:00Z'), T('2026-11-23T12:01:00Z'), 120_000)).toHaveLength(1);
  });

  it('a NAT note naming private addresses reaches the hosts behind them; several hosts at once are shared', () => {
    const events = [
      nm('netmap.nat', '203.0.113.10', '10.0.0.5', '203.0.113.10 ↔ 10.0.0.5 valid 2026-11-23T00:00:00Z/open (NAT note)'),
      nm('netmap.nat', '203.0.113.10', '10.0.0.6', '203.0.113.10 ↔ 10.0.0.6 valid 2026-11-23T00:00:00Z/open (NAT note)'),
      nm('netmap.hosts', '10.0.0.5', 'wn5.example.org', '10.0.0.5 ↔ wn5.example.org valid 2026-11-25T00:00:00Z/open (hosts)', 'file time'),
      nm('netmap.hosts', '10.0.0.6', 'wn6.example.org', '10.0.0.6 ↔ wn6.example.org valid 2026-11-25T00:00:00Z/open (hosts)', 'file time'),
    ];
    const { byIp } = buildSpans(events, [], 0);
    const at = hostsAt(byIp, '203.0.113.10', T('2026-11-23T11:00:00Z'), T('2026-11-23T11:00:00Z'), 0);
    expect([...new Set(at.map((s) => s.host))].sort()).toEqual(['10.0.0.5', '10.0.0.6', 'wn5.example.org', 'wn6.example.org']);
    expect(at.every((s) => s.shared)).toBe(true);
  });

  it('HostsAtMemo answers as hostsAt does, at any time and in any order (edges, open ends, overlaps)', () => {
    const r = mulberry32(11);
    const at = (k: number) => 1_000_000 + k * 1000;
    const spans: IpHostSpan[] = [];
    for (let k = 0; k < 40; k++) {
      const from = r() < 0.15 ? Number.NEGATIVE_INFINITY : at(Math.floor(r() * 100));
      const to = r() < 0.15 ? Number.POSITIVE_INFINITY : Math.max(from, at(Math.floor(r() * 100)));
      spans.push({ ip: `203.0.113.${k % 3}`, host: `wn${Math.floor(r() * 8)}`, from, to, rule: 'netmap.dhcp', evidence: [k], shared: false });
    }
    const byIp = new Map<string, IpHostSpan[]>();
    for (const s of spans) byIp.set(s.ip, [...(byIp.get(s.ip) ?? []), s]);
    const slack = 1000;
    const memo = new HostsAtMemo(byIp, slack);
    let nonEmpty = 0;
    for (let q = 0; q < 3000; q++) {
      const ip = `203.0.113.${Math.floor(r() * 4)}`;
      // Half the queries sit exactly on a span edge ± slack, where an off-by-one would show.
      const ts = r() < 0.5 ? at(Math.floor(r() * 100)) + (Math.floor(r() * 3) - 1) * slack : at(0) + r() * 100_000;
      const want = [...new Set(hostsAt(byIp, ip, ts, ts, slack).map((s) => s.host))].sort();
      expect(memo.at(ip, ts)).toEqual(want);
      if (want.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(1000);
  });
});
