import { describe, expect, it } from 'vitest';
import { PayloadsBehindIp } from './behind-ip';
import type { IdentityRec, IpHostSpan, PayloadRec, PilotRec, TokenRec } from './graph';

const MIN = 60_000;
const T0 = Date.parse('2026-11-23T14:00:00Z');

function pilot(key: string, host: string): PilotRec {
  return { id: `pilot:${key}`, key, ceJobIds: new Set(), batchJobIds: new Set(), globalJobIds: new Set(), pilotIds: new Set([key]), arcJobIds: new Set(), hosts: new Set([host]), slots: new Set(), ces: new Set(), vos: new Set(), owners: new Set(), endKnown: true, events: [], statedIps: new Map(), payloads: new Set(), notes: [] };
}
function payload(key: string, pilotKey: string, user: string, start: number, end: number): PayloadRec {
  return { id: `payload:${key}`, key, users: new Set([user]), subs: new Set(), vos: new Set(), hosts: new Set(), pilot: pilotKey, start, end, endKnown: true, events: [] };
}
function span(ip: string, host: string, from = Number.NEGATIVE_INFINITY, to = Number.POSITIVE_INFINITY): IpHostSpan {
  return { ip, host, from, to, rule: 'netmap.nat', evidence: [], shared: true };
}
const token = (sub: string, identity?: string): TokenRec => ({ id: `token:${sub}`, key: sub, sub, identity, events: [] });

/** Two nodes behind one NAT IP: alice's payload on wn1 14:00–15:00, bob's on wn2 14:30–16:00. */
function natCase(extraSpans: IpHostSpan[] = []) {
  const pilots = new Map([['p1', pilot('p1', 'wn1')], ['p2', pilot('p2', 'wn2')]]);
  const payloads = new Map([
    ['a', payload('a', 'p1', 'alice', T0, T0 + 60 * MIN)],
    ['b', payload('b', 'p2', 'bob', T0 + 30 * MIN, T0 + 120 * MIN)],
  ]);
  const spans = new Map<string, IpHostSpan[]>([['wn1', [span('192.0.2.42', 'wn1'), ...extraSpans]], ['wn2', [span('192.0.2.42', 'wn2')]]]);
  return new PayloadsBehindIp({ pilots, payloads, toleranceMs: 2 * MIN }, spans);
}

describe('PayloadsBehindIp', () => {
  const none = new Map<string, IdentityRec>();

  it('picks the only payload running, then the subject among several, then none when nobody matches', () => {
    const b = natCase();
    expect(b.pick('192.0.2.42', T0 + 10 * MIN, token('carol'), none)).toMatchObject({ pick: { key: 'a' }, running: 1 });
    expect(b.pick('192.0.2.42', T0 + 40 * MIN, token('bob'), none)).toMatchObject({ pick: { key: 'b' }, running: 2 });
    expect(b.pick('192.0.2.42', T0 + 40 * MIN, token('carol'), none)).toEqual({ running: 2 });
    // alice's payload ended at 15:00; the 2 min tolerance keeps it until 15:02.
    expect(b.pick('192.0.2.42', T0 + 61 * MIN, token('carol'), none).running).toBe(2);
    expect(b.pick('192.0.2.42', T0 + 63 * MIN, token('carol'), none)).toMatchObject({ pick: { key: 'b' }, running: 1 });
    expect(b.pick('198.51.100.1', T0 + 40 * MIN, token('bob'), none)).toEqual({ running: 0 });
  });

  it('matches a token through the accounts its identity maps to', () => {
    const idn: IdentityRec = { id: 'identity:iss|sub-1', iss: 'iss', sub: 'sub-1', users: new Set(['alice']), vos: new Set(), events: [] };
    const b = natCase();
    expect(b.pick('192.0.2.42', T0 + 40 * MIN, token('sub-1', idn.id), new Map([[idn.id, idn]]))).toMatchObject({ pick: { key: 'a' }, running: 2 });
  });

  it('gives the same answers when asked out of time order', () => {
    const inOrder = natCase();
    const times = [10, 40, 61, 63, 100, 130].map((m) => T0 + m * MIN);
    const expected = times.map((t) => inOrder.pick('192.0.2.42', t, token('bob'), none));
    const shuffled = natCase();
    const order = [4, 0, 5, 2, 1, 3];
    const got: unknown[] = [];
    for (const k of order) got[k] = shuffled.pick('192.0.2.42', times[k]!, token('bob'), none);
    expect(got).toEqual(expected);
  });

  it('counts a payload seen through two spans of the same IP once, and only inside each span', () => {
    const b = natCase([span('192.0.2.42', 'wn1', T0, T0 + 20 * MIN)]);
    expect(b.pick('192.0.2.42', T0 + 10 * MIN, token('carol'), none)).toMatchObject({ pick: { key: 'a' }, running: 1 });
    const bounded = new PayloadsBehindIp(
      { pilots: new Map([['p1', pilot('p1', 'wn1')]]), payloads: new Map([['a', payload('a', 'p1', 'alice', T0, T0 + 60 * MIN)]]), toleranceMs: 0 },
      new Map([['wn1', [span('192.0.2.7', 'wn1', T0 + 30 * MIN, T0 + 90 * MIN)]]]),
    );
    expect(bounded.pick('192.0.2.7', T0 + 20 * MIN, token('alice'), none).running).toBe(0);
    expect(bounded.pick('192.0.2.7', T0 + 40 * MIN, token('alice'), none)).toMatchObject({ pick: { key: 'a' } });
  });

  it("joins none when two running payloads belong to the token's subject (by subject and by mapped account)", () => {
    // alice runs on both nodes behind the NAT at 14:40; a second user, sub-1, maps to alice.
    const pilots = new Map([['p1', pilot('p1', 'wn1')], ['p2', pilot('p2', 'wn2')], ['p3', pilot('p3', 'wn3')]]);
    const payloads = new Map([
      ['a', payload('a', 'p1', 'alice', T0, T0 + 60 * MIN)],
      ['c', payload('c', 'p2', 'alice', T0 + 30 * MIN, T0 + 90 * MIN)],
      ['b', payload('b', 'p3', 'bob', T0, T0 + 90 * MIN)],
    ]);
    const spans = new Map<string, IpHostSpan[]>(['wn1', 'wn2', 'wn3'].map((h) => [h, [span('192.0.2.42', h)]]));
    const b = new PayloadsBehindIp({ pilots, payloads, toleranceMs: 2 * MIN }, spans);
    expect(b.pick('192.0.2.42', T0 + 10 * MIN, token('alice'), none)).toMatchObject({ pick: { key: 'a' }, running: 2 });
    expect(b.pick('192.0.2.42', T0 + 40 * MIN, token('alice'), none)).toEqual({ running: 3 });
    const idn: IdentityRec = { id: 'identity:iss|sub-1', iss: 'iss', sub: 'sub-1', users: new Set(['alice']), vos: new Set(), events: [] };
    expect(b.pick('192.0.2.42', T0 + 40 * MIN, token('sub-1', idn.id), new Map([[idn.id, idn]]))).toEqual({ running: 3 });
    expect(b.pick('192.0.2.42', T0 + 80 * MIN, token('alice'), none)).toMatchObject({ pick: { key: 'c' }, running: 2 });
  });
});
