/**
 * IP ↔ host over time. An IP belongs to a host only in the interval the evidence shows:
 * - `net.map` lines (hosts file: no interval, i.e. always; DHCP leases and NAT notes: the
 *   `from <ISO> to <ISO>` / `until <ISO>` interval their summary or line states);
 * - a worker-node log stating the node's own address: the pilot's lifetime;
 * - a service line naming both client host and client IP: that moment (± tolerance).
 * An IP mapped to several hosts at overlapping times (NAT) is marked `shared`.
 */
import type { TgEvent } from '../model/event';
import { type EventColumns, eventColumns, perCode } from './columns';
import { type IpHostSpan, type PilotRec, pushTo } from './graph';

const ISO = String.raw`(\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)`;
const FROM_TO = new RegExp(String.raw`(?:from|starts?)\s+${ISO}.*?(?:to|until|ends?)\s+${ISO}`, 'i');
const UNTIL = new RegExp(String.raw`(?:until|ends?)\s+${ISO}`, 'i');

function parseIso(s: string): number {
  const t = Date.parse(s.replace(' ', 'T'));
  return Number.isNaN(t) ? Number.NaN : t;
}

const VALID = new RegExp(String.raw`valid\s+${ISO}\s*/\s*(open|${ISO.slice(1, -1)})`, 'i');

/**
 * Interval a net.map line states: the parsers' `valid <from>/<to|open>` summary (EVENTS.md), or a
 * `from … to …` / `until …` phrase; unbounded when it states none. A hosts dump whose only time is
 * the file time (or none) describes standing configuration, not when it began: its start is open.
 */
export function netmapInterval(e: TgEvent): { from: number; to: number } {
  const v = VALID.exec(e.summary ?? '');
  if (v) {
    const fileTimeOnly = e.src.parser === 'netmap.hosts' && (e.time.assumed ?? '').length > 0;
    const from = fileTimeOnly ? Number.NEGATIVE_INFINITY : parseIso(v[1]!);
    const to = v[2]!.toLowerCase() === 'open' ? Number.POSITIVE_INFINITY : parseIso(v[2]!);
    if (!Number.isNaN(from) && !Number.isNaN(to)) return { from, to };
  }
  for (const s of [e.summary ?? '', e.text]) {
    const m = FROM_TO.exec(s);
    if (m) {
      const from = parseIso(m[1]!);
      const to = parseIso(m[2]!);
      if (!Number.isNaN(from) && !Number.isNaN(to)) return { from, to };
    }
    const u = UNTIL.exec(s);
    if (u && !Number.isNaN(parseIso(u[1]!))) return { from: e.time.ts, to: parseIso(u[1]!) };
  }
  return { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY };
}

/** Hosts a net.map line names (NAT notes may list several). */
function hostsOf(e: TgEvent): string[] {
  const h = e.ids.host;
  if (!h) return [];
  return h.split(/[\s,;]+/).filter(Boolean).map((x) => x.toLowerCase());
}

/** `cols`: the events' columns when the caller has them (made here otherwise). */
export function buildSpans(events: TgEvent[], pilots: Iterable<PilotRec>, toleranceMs: number, cols: EventColumns = eventColumns(events, { events, ts: Float64Array.from(events, (e) => e.time.ts) })): { byIp: Map<string, IpHostSpan[]>; byHost: Map<string, IpHostSpan[]> } {
  const spans = new Map<string, IpHostSpan>();
  const add = (ip: string, host: string, from: number, to: number, rule: string, ev: number) => {
    const k = `${ip}|${host}|${from}|${to}|${rule}`;
    const s = spans.get(k);
    if (s) {
      if (s.evidence.length < 20) s.evidence.push(ev);
    } else spans.set(k, { ip, host, from, to, rule, evidence: [ev], shared: false });
  };
  // Kinds and ids from the columns: only net.map lines need their event (summary, text).
  const { kind, ts, values } = cols;
  const { ip: cIp, clientHost: cClient } = cols.codes;
  const lower = perCode((c) => values[c]!.toLowerCase());
  for (let i = 0; i < cols.n; i++) {
    if (cIp[i]! < 0) continue;
    if (kind[i] === 'net.map') {
      const e = events[i]!;
      const { from, to } = netmapInterval(e);
      const rule = e.src.parser.includes('nat') ? 'netmap.nat' : e.src.parser.includes('dhcp') ? 'netmap.dhcp' : 'netmap.hosts';
      for (const h of hostsOf(e)) add(e.ids.ip!, h, from, to, rule, i);
    } else if (cClient[i]! >= 0) {
      add(values[cIp[i]!]!, lower(cClient[i]!), ts[i]! - toleranceMs, ts[i]! + toleranceMs, 'client.host-ip', i);
    }
  }
  for (const p of pilots) {
    if (p.start === undefined) continue;
    for (const [ip, ev] of p.statedIps) {
      const host = events[ev]!.ids.host;
      if (host) add(ip, host.toLowerCase(), p.start, p.end ?? p.start, 'pilot.stated-ip', ev);
    }
  }
  // A NAT note may name private addresses instead of host names: follow them one step to the host.
  const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+:[0-9a-f:]*)$/i;
  const direct = [...spans.values()];
  for (const s of direct) {
    if (!IP_LITERAL.test(s.host)) continue;
    for (const t of direct) {
      if (t.ip !== s.host || IP_LITERAL.test(t.host) || t.from > s.to || s.from > t.to) continue;
      add(s.ip, t.host, Math.max(s.from, t.from), Math.min(s.to, t.to), s.rule, s.evidence[0]!);
      spans.get(`${s.ip}|${t.host}|${Math.max(s.from, t.from)}|${Math.min(s.to, t.to)}|${s.rule}`)!.evidence.push(...t.evidence.slice(0, 1));
    }
  }
  const byIp = new Map<string, IpHostSpan[]>();
  const byHost = new Map<string, IpHostSpan[]>();
  const sorted = [...spans.values()].sort((a, b) => a.ip.localeCompare(b.ip) || a.from - b.from || a.host.localeCompare(b.host) || a.rule.localeCompare(b.rule));
  for (const s of sorted) {
    pushTo(byIp, s.ip, s);
    pushTo(byHost, s.host, s);
  }
  // Shared: another host held the IP at an overlapping time. Each list is in start order (sorted
  // above), so a sweep stops at the first span starting after `a` ends (an IP named by thousands of
  // client lines has thousands of short spans; comparing all pairs was quadratic).
  for (const list of byIp.values()) {
    for (let x = 0; x < list.length; x++) {
      const a = list[x]!;
      for (let y = x + 1; y < list.length && list[y]!.from <= a.to; y++) {
        const b = list[y]!;
        if (a.host !== b.host && a.from <= b.to) {
          a.shared = true;
          b.shared = true;
        }
      }
    }
  }
  return { byIp, byHost };
}

/** Spans saying which hosts held `ip` at some point of [t0,t1] (± slack). */
export function hostsAt(byIp: Map<string, IpHostSpan[]>, ip: string, t0: number, t1: number, slack: number): IpHostSpan[] {
  return (byIp.get(ip) ?? []).filter((s) => s.from - slack <= t1 && t0 <= s.to + slack);
}

/** IPs `host` held at some point of [t0,t1] (± slack). */
export function ipsAt(byHost: Map<string, IpHostSpan[]>, host: string, t0: number, t1: number, slack: number): IpHostSpan[] {
  return (byHost.get(host) ?? []).filter((s) => s.from - slack <= t1 && t0 <= s.to + slack);
}

/**
 * `hostsAt(byIp, ip, ts, ts, slack)`'s distinct hosts, sorted, remembered per IP over the interval
 * where the answer stays the same (between the nearest span edges around `ts`). Joins word a reason
 * for every token use they make; behind a NAT IP with hundreds of spans, filtering them each time
 * was a third of the joins.
 */
export class HostsAtMemo {
  private readonly memo = new Map<string, { loIn: number; loEx: number; hiIn: number; hiEx: number; hosts: string[] }>();

  constructor(
    private readonly byIp: Map<string, IpHostSpan[]>,
    private readonly slack: number,
  ) {}

  at(ip: string, ts: number): string[] {
    const m = this.memo.get(ip);
    if (m && ts >= m.loIn && ts > m.loEx && ts <= m.hiIn && ts < m.hiEx) return m.hosts;
    // Span s holds at t when s.from - slack <= t <= s.to + slack: the answer holds while t stays
    // inside every holding span and outside every other.
    let loIn = Number.NEGATIVE_INFINITY;
    let loEx = Number.NEGATIVE_INFINITY;
    let hiIn = Number.POSITIVE_INFINITY;
    let hiEx = Number.POSITIVE_INFINITY;
    const hosts = new Set<string>();
    for (const s of this.byIp.get(ip) ?? []) {
      const a = s.from - this.slack;
      const b = s.to + this.slack;
      if (a <= ts && ts <= b) {
        hosts.add(s.host);
        if (a > loIn) loIn = a;
        if (b < hiIn) hiIn = b;
      } else if (a > ts) {
        if (a < hiEx) hiEx = a;
      } else if (b > loEx) loEx = b;
    }
    const sorted = [...hosts].sort();
    this.memo.set(ip, { loIn, loEx, hiIn, hiEx, hosts: sorted });
    return sorted;
  }
}
