import { describe, expect, it } from 'vitest';
import { buildGraph } from '../correlate/correlate';
import { buildWorld, FP, JTI_ALICE, NAT_IP, SUB_ALICE, THIEF_IP, WorldBuilder } from '../correlate/testing/world';
import { DEFAULT_SETTINGS } from '../model/case';
import type { TraceAnswer } from '../model/trace';
import { questionsFor, TraceQueryError, trace } from './index';

const w = buildWorld();
const g = buildGraph(w.events, w.tokens, DEFAULT_SETTINGS);
const at = (hms: string) => Date.parse(`2026-11-23T${hms}Z`);
const cites = (a: TraceAnswer) => a.candidates.flatMap((c) => c.evidence.map((e) => `${e.input.split('/').pop()}:${e.line}`));

describe('trace: the six questions on the fixture world', () => {
  it('S1 + V1: two pilots behind one NAT IP are reported as ambiguous, each with evidence', () => {
    const [s1, v1] = trace({ at: at('13:20:00'), ip: NAT_IP }, g);
    expect(s1!.question).toBe('S1');
    expect(s1!.ambiguous).toBe(true);
    expect(s1!.candidates.map((c) => c.jobIds[0])).toEqual(['40117.0', '40120.0']);
    expect(s1!.candidates.every((c) => c.vo === 'cms' && c.confidence === 'inferred')).toBe(true);
    expect(s1!.explanation).toMatch(/Ambiguous/);
    expect(s1!.explanation).toMatch(/±2 min/);
    expect(cites(s1!)).toContain('nat-gateway.txt:1');
    expect(v1!.question).toBe('V1');
    expect(v1!.ambiguous).toBe(true);
    expect(v1!.candidates.map((c) => `${c.payloadIds[0]}/${c.users[0]}`)).toEqual(['6871234567/alice', '6871234999/bob']);
  });

  it('S1 + V1 on a node with its own IP: one certain answer', () => {
    const [s1, v1] = trace({ at: at('13:30:00'), ip: '192.0.2.50' }, g);
    expect(s1!.ambiguous).toBe(false);
    expect(s1!.candidates).toHaveLength(1);
    expect(s1!.candidates[0]!.vo).toBe('atlas');
    expect(s1!.candidates[0]!.jobIds).toContain('40130.0');
    expect(s1!.candidates[0]!.confidence).toBe('certain');
    expect(v1!.candidates[0]!.payloadIds).toEqual(['7000000001']);
    expect(v1!.candidates[0]!.users).toEqual(['carol']);
  });

  it('S2: the activity narrows the NAT ambiguity to one VO job through the token it used', () => {
    const [s2] = trace({ at: at('13:20:00'), ip: NAT_IP, activity: 'alice/out.root' }, g);
    expect(s2!.question).toBe('S2');
    expect(s2!.ambiguous).toBe(false);
    expect(s2!.candidates).toHaveLength(1);
    expect(s2!.candidates[0]!.jobIds).toContain('40118.0');
    expect(s2!.candidates[0]!.tokens).toContain(FP.alice.slice(0, 16));
    expect(cites(s2!)[0]).toBe('webdav-se01Domain.access:1');
    const [bob] = trace({ at: at('13:21:00'), ip: NAT_IP, activity: 'GET' }, g);
    expect(bob!.candidates.map((c) => c.payloadIds[0])).toEqual(['6871234999']);
  });

  it('S2 with an activity nobody did: says so and stays unanswered', () => {
    const [s2] = trace({ at: at('13:20:00'), ip: NAT_IP, activity: 'rm -rf' }, g);
    expect(s2!.candidates).toHaveLength(0);
    expect(s2!.gaps.join(' ')).toMatch(/matches the activity "rm -rf"/);
  });

  it('V2: the job id narrows the NAT ambiguity to the one user payload', () => {
    for (const job of ['40120.0', '40121.0', 'pilot-wn043-a']) {
      const [v2] = trace({ at: at('13:20:00'), ip: NAT_IP, job }, g);
      expect(v2!.question).toBe('V2');
      expect(v2!.ambiguous).toBe(false);
      expect(v2!.candidates.map((c) => `${c.payloadIds[0]}/${c.users[0]}`)).toEqual(['6871234999/bob']);
      expect(v2!.gaps).toEqual([]);
    }
  });

  it('V2 with a job that was not behind the IP: answers and names the gap', () => {
    const [v2] = trace({ at: at('13:20:00'), ip: NAT_IP, job: '40131.0' }, g);
    expect(v2!.gaps.join(' ')).toMatch(/not mapped to 192\.0\.2\.200/);
  });

  it('S3: the IPs a VO used over a period, including where its tokens were used from outside', () => {
    const [s3] = trace({ at: at('13:00:00'), until: at('15:00:00'), vo: 'cms' }, g);
    expect(s3!.question).toBe('S3');
    const all = new Set(s3!.candidates.flatMap((c) => c.ips));
    // the public addresses the outside saw: the NAT address, not the nodes' private ones
    expect([...all].sort()).toEqual([NAT_IP, THIEF_IP].sort());
    expect(all.has('192.0.2.50')).toBe(false);
    const outside = s3!.candidates.find((c) => c.pilotIds.length === 0)!;
    expect(outside.confidence).toBe('inferred');
    const [atlas] = trace({ at: at('13:00:00'), until: at('15:00:00'), vo: 'atlas' }, g);
    expect(atlas!.candidates.flatMap((c) => c.ips)).toEqual(['192.0.2.50']);
    const [withJob] = trace({ at: at('13:00:00'), until: at('15:00:00'), vo: 'cms', job: '40117.0' }, g);
    expect(withJob!.candidates.filter((c) => c.pilotIds.length).map((c) => c.pilotIds[0])).toEqual(['pilot-wn042-a']);
  });

  it('V3: every pilot that ran the user payloads, by user name or by token subject', () => {
    for (const user of ['alice', SUB_ALICE]) {
      const [v3] = trace({ at: at('13:30:00'), user }, g);
      expect(v3!.question).toBe('V3');
      expect(v3!.candidates.map((c) => c.pilotIds[0])).toEqual(['pilot-wn042-a']);
      expect(v3!.candidates[0]!.payloadIds).toEqual(['6871234567']);
      expect(v3!.candidates[0]!.jobIds).toEqual(expect.arrayContaining(['40117.0', '40118.0']));
    }
    const [none] = trace({ at: at('13:30:00'), user: 'mallory' }, g);
    expect(none!.candidates).toHaveLength(0);
    expect(none!.gaps[0]).toMatch(/no payload of mallory/);
  });

  it('V3 over several pilots of one user', () => {
    const b = new WorldBuilder();
    for (const [n, t0, t1] of [['1', '10:00:00', '11:00:00'], ['2', '12:00:00', '13:00:00']] as const) {
      b.add(`wn${n}/pilotlog.txt`, 'panda.pilot', t0, 'pilot.start', { host: `wn${n}.x.org`, pilotId: `P${n}`, batchJobId: `90${n}.0` }, `pilot P${n} started`);
      b.add(`wn${n}/pilotlog.txt`, 'panda.pilot', t0, 'payload.start', { host: `wn${n}.x.org`, pilotId: `P${n}`, payloadId: `70${n}`, user: 'dave' }, `PanDA job id: 70${n}`);
      b.add(`wn${n}/pilotlog.txt`, 'panda.pilot', t1, 'payload.end', { host: `wn${n}.x.org`, pilotId: `P${n}`, payloadId: `70${n}`, user: 'dave' }, `payload 70${n} finished`);
    }
    const g2 = buildGraph(b.events, [], DEFAULT_SETTINGS);
    const [v3] = trace({ at: at('09:00:00'), until: at('14:00:00'), user: 'dave' }, g2);
    expect(v3!.candidates.map((c) => c.pilotIds[0])).toEqual(['P1', 'P2']);
    const [narrow] = trace({ at: at('10:30:00'), windowMs: 10 * 60_000, user: 'dave' }, g2);
    expect(narrow!.candidates.map((c) => c.pilotIds[0])).toEqual(['P1']);
  });

  it('an outside IP is followed through the token used from it, with the gap stated', () => {
    const [s1] = trace({ at: at('14:05:41'), ip: THIEF_IP }, g);
    expect(s1!.candidates[0]!.payloadIds).toEqual(['6871234567']);
    expect(s1!.gaps.join(' ')).toMatch(/no hosts, DHCP or NAT record maps 203\.0\.113\.7/);
  });

  it('an IP nothing knows: no candidate, gaps say why', () => {
    const [s1] = trace({ at: at('13:20:00'), ip: '198.18.0.1' }, g);
    expect(s1!.candidates).toHaveLength(0);
    expect(s1!.ambiguous).toBe(false);
    expect(s1!.gaps.join(' ')).toMatch(/no hosts, DHCP or NAT record maps 198\.18\.0\.1/);
    const [late] = trace({ at: Date.parse('2027-01-01T00:00:00Z'), ip: NAT_IP }, g);
    expect(late!.gaps.join(' ')).toMatch(/no log line in the case falls within/);
  });

  it('token story: issued, presented, from which IPs, by which pilot and payload, and the blast radius', () => {
    for (const ref of [FP.alice.slice(0, 12), JTI_ALICE]) {
      const [a] = trace({ token: ref, at: at('14:06:00') }, g);
      expect(a!.question).toBe('token');
      const c = a!.candidates[0]!;
      expect(c.ips).toEqual([NAT_IP, THIEF_IP]);
      expect(c.pilotIds).toEqual(['pilot-wn042-a']);
      expect(c.payloadIds).toEqual(['6871234567']);
      expect(a!.explanation).toMatch(/issued at 2026-11-23 13:08:00 UTC .* client panda-client/);
      expect(a!.explanation).toMatch(/valid until 2026-11-30 13:08:00 UTC \(6 d 23 h after/);
      expect(a!.explanation).toMatch(/wildcard audience/);
    }
    const [expired] = trace({ token: FP.bob.slice(0, 16), at: at('18:00:00') }, g);
    expect(expired!.explanation).toMatch(/expired at 2026-11-23 17:04:00 UTC/);
  });

  it('question selection follows the fields and refuses a query with no question', () => {
    expect(questionsFor({ at: 1, ip: '1.2.3.4' })).toEqual(['S1', 'V1']);
    expect(questionsFor({ at: 1, ip: '1.2.3.4', activity: 'x' })).toEqual(['S2']);
    expect(questionsFor({ at: 1, ip: '1.2.3.4', job: 'x' })).toEqual(['V2']);
    expect(questionsFor({ at: 1, until: 2, vo: 'cms' })).toEqual(['S3']);
    expect(questionsFor({ at: 1, user: 'u' })).toEqual(['V3']);
    expect(questionsFor({ token: 'abc' })).toEqual(['token']);
    expect(typeof questionsFor({ at: 1 })).toBe('string');
    expect(() => trace({ vo: 'cms' }, g)).toThrow(TraceQueryError);
  });

  it('every candidate cites real lines with redacted text', () => {
    const byId = new Map(g.events.map((e) => [e.id, e]));
    const answers = [...trace({ at: at('13:20:00'), ip: NAT_IP }, g), ...trace({ token: JTI_ALICE }, g), ...trace({ at: at('13:00:00'), until: at('15:00:00'), vo: 'cms' }, g)];
    for (const a of answers) for (const c of a.candidates) {
      expect(c.evidence.length).toBeGreaterThan(0);
      for (const e of c.evidence) {
        const ev = byId.get(e.eventId!)!;
        expect([e.input, e.line, e.text]).toEqual([ev.src.input, ev.src.line, ev.text]);
        expect(e.text).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{16,}/);
      }
    }
  });
});
