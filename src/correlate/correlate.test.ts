import { describe, expect, it } from 'vitest';
import type { TgEvent } from '../model/event';
import { DEFAULT_SETTINGS } from '../model/case';
import { buildGraph, correlate } from './correlate';

import { buildWorld, FP, JTI_ALICE, NAT_IP, SUB_ALICE, WorldBuilder } from './testing/world';

/** The correlation with its links as an array. */
function linksOf(...args: Parameters<typeof correlate>) {
  const r = correlate(...args);
  return { entities: r.entities, links: [...r.links] };
}

const S = DEFAULT_SETTINGS;

describe('correlate', () => {
  it('joins CE job, routed job, GlobalJobId, StarterLog and pilot log into one pilot per batch job', () => {
    const w = buildWorld();
    const { entities } = correlate(w.events, w.tokens, S);
    const pilots = entities.filter((e) => e.kind === 'pilot');
    expect(pilots.map((p) => p.id)).toEqual(['pilot:pilot-wn042-a', 'pilot:pilot-wn043-a', 'pilot:pilot-wn050-a']);
    const p42 = pilots[0]!;
    expect(p42.attrs.ceJobIds).toEqual(['40117.0']);
    expect(p42.attrs.batchJobIds).toEqual(['40118.0']);
    expect(p42.attrs.globalJobIds).toEqual(['ce01.example-site.org#40118.0#1795438680']);
    expect(p42.attrs.hosts).toEqual(['wn042.example-site.org']);
    expect(p42.attrs.slots).toEqual(['slot1_3']);
    expect(p42.attrs.ces).toEqual(['ce01.example-site.org']);
    expect(p42.attrs.start).toBe('2026-11-23T13:00:10.000Z');
    expect(p42.attrs.end).toBe('2026-11-23T14:45:00.000Z');
    expect(p42.attrs.endKnown).toBe(true);
  });

  it('links the pilot token through the AuditLog session and the history AuthTokenId, with evidence', () => {
    const w = buildWorld();
    const { links } = linksOf(w.events, w.tokens, S);
    const audit = links.find((l) => l.rule === 'audit.cid-submit' && l.to === 'pilot:pilot-wn042-a')!;
    expect(audit.from).toBe(`token:${FP.pilot}`);
    expect(audit.confidence).toBe('certain');
    const ev = w.events.find((e) => e.id === audit.evidence[0])!;
    expect(ev.text).toContain('cid:88412');
    expect(links.some((l) => l.rule === 'history.auth-token' && l.from === `token:${FP.pilot}` && l.to === 'pilot:pilot-wn043-a')).toBe(true);
  });

  it("joins a user's token to her payload behind a shared NAT IP by subject, inferred with a reason", () => {
    const w = buildWorld();
    const { links, entities } = linksOf(w.events, w.tokens, S);
    const nat = entities.find((e) => e.id === `ip:${NAT_IP}`)!;
    expect(nat.attrs.shared).toBe(true);
    expect(nat.attrs.hosts).toEqual(['wn042.example-site.org', 'wn043.example-site.org']);
    const l = links.find((x) => x.rule === 'time-overlap.ip' && x.from === `token:${FP.alice}`)!;
    expect(l.to).toBe('payload:6871234567');
    expect(l.confidence).toBe('inferred');
    expect(l.reason).toMatch(/among 2 running behind 192\.0\.2\.200.*±2 min/);
    expect(links.some((x) => x.from === `token:${FP.alice}` && x.to === 'payload:6871234999')).toBe(false);
  });

  it('resolves a jti-only storage line to the token known by fingerprint and to its identity', () => {
    const w = buildWorld();
    const g = buildGraph(w.events, w.tokens, S);
    const tok = g.tokens.get(`token:${FP.alice}`)!;
    expect(tok.jti).toBe(JTI_ALICE);
    const dcacheLines = tok.events.map((i) => g.events[i]!).filter((e) => e.src.parser === 'dcache.access');
    expect(dcacheLines).toHaveLength(3);
    expect(tok.identity).toBe(`identity:https://cms-auth.example-iam.org/|${SUB_ALICE}`);
    const idn = g.entityById.get(tok.identity!)!;
    expect(idn.attrs.users).toEqual(['alice']);
  });

  it('IP belongs to a host only in the interval the NAT note states', () => {
    const w = buildWorld();
    const { links } = linksOf(w.events, w.tokens, S);
    const l = links.find((x) => x.rule === 'netmap.nat' && x.to === 'host:wn042.example-site.org')!;
    expect(l.from_ts).toBe(Date.parse('2026-11-23T00:00:00Z'));
    expect(l.to_ts).toBe(Date.parse('2026-11-24T00:00:00Z'));
    expect(l.reason).toMatch(/several hosts/);
  });

  it('joins a framework pilot that names no batch id to the one batch job on its node at that time, and says so', () => {
    const w = new WorldBuilder();
    w.add('a/StarterLog.slot1_1', 'htcondor.starterlog', '10:00:00', 'job.start', { host: 'wn7.example.org', batchJobId: '500.0', slot: 'slot1_1' }, '11/23/26 10:00:00 Starting a VANILLA universe job with ID: 500.0');
    w.add('a/StarterLog.slot1_1', 'htcondor.starterlog', '12:00:00', 'job.end', { host: 'wn7.example.org', batchJobId: '500.0', slot: 'slot1_1' }, '11/23/26 12:00:00 Job 500.0 terminated');
    w.add('b/pilotlog.txt', 'panda.pilot', '10:01:00', 'pilot.start', { host: 'wn7.example.org', pilotId: 'P-1' }, '2026-11-23 10:01:00,000 | INFO | pilot P-1 started');
    w.add('b/pilotlog.txt', 'panda.pilot', '10:02:00', 'payload.start', { host: 'wn7.example.org', pilotId: 'P-1', payloadId: '42', user: 'dave' }, '2026-11-23 10:02:00,000 | INFO | PanDA job id: 42');
    const { entities } = correlate(w.events, [], S);
    const pilots = entities.filter((e) => e.kind === 'pilot');
    expect(pilots).toHaveLength(1);
    expect(pilots[0]!.attrs.batchJobIds).toEqual(['500.0']);
    expect(pilots[0]!.attrs.pilotIds).toEqual(['P-1']);
    expect((pilots[0]!.attrs.notes as string[])[0]).toMatch(/time overlap on wn7\.example\.org/);
  });

  it('does not join a framework pilot when two batch jobs ran on the node at that time', () => {
    const w = new WorldBuilder();
    for (const [job, slot] of [['500.0', 'slot1_1'], ['501.0', 'slot1_2']] as const) {
      w.add(`a/StarterLog.${slot}`, 'htcondor.starterlog', '10:00:00', 'job.start', { host: 'wn7.example.org', batchJobId: job, slot }, `Starting job ${job}`);
      w.add(`a/StarterLog.${slot}`, 'htcondor.starterlog', '12:00:00', 'job.end', { host: 'wn7.example.org', batchJobId: job, slot }, `Job ${job} terminated`);
    }
    w.add('b/pilotlog.txt', 'panda.pilot', '10:01:00', 'pilot.start', { host: 'wn7.example.org', pilotId: 'P-1' }, 'pilot P-1 started');
    const { entities } = correlate(w.events, [], S);
    expect(entities.filter((e) => e.kind === 'pilot').map((e) => e.key)).toEqual(['500.0', '501.0', 'P-1']);
  });

  it('is deterministic: same input gives identical bytes; shuffled input gives the same ids', () => {
    const w = buildWorld();
    const a = JSON.stringify(correlate(w.events, w.tokens, S));
    const b = JSON.stringify(correlate(buildWorld().events, buildWorld().tokens, S));
    expect(a).toBe(b);
    const shuffled = [...w.events].reverse();
    const c = correlate(shuffled, [...w.tokens].reverse(), S);
    const d = correlate(w.events, w.tokens, S);
    expect(c.entities.map((e) => e.id)).toEqual(d.entities.map((e) => e.id));
    expect([...c.links].map((l) => `${l.id} ${l.confidence} ${[...l.evidence].sort().join(',')}`)).toEqual([...d.links].map((l) => `${l.id} ${l.confidence} ${[...l.evidence].sort().join(',')}`));
  });

  it('every inferred link says why, and every link evidence id is a real event', () => {
    const w = buildWorld();
    const { links } = linksOf(w.events, w.tokens, S);
    const ids = new Set(w.events.map((e) => e.id));
    for (const l of links) {
      if (l.confidence === 'inferred') expect(l.reason, l.id).toBeTruthy();
      for (const ev of l.evidence) expect(ids.has(ev), `${l.id} → ${ev}`).toBe(true);
    }
  });
});

describe('pilot keys', () => {
  it('keeps two jobs that share a number apart (a CE job id reused as another routed job id)', () => {
    const ev = (id: string, line: number, kind: TgEvent['kind'], ids: TgEvent['ids'], ts: string): TgEvent => ({ id, time: { ts: Date.parse(ts), text: ts }, src: { input: 'ce01/AuditLog', line, parser: 'htcondor.auditlog' }, kind, ids, text: `line ${line}` });
    const events = [
      ev('e0.1', 1, 'job.submit', { host: 'ce01.example-site.org', ceJobId: '500284.0', user: 'atlasprd' }, '2026-11-21T10:23:23Z'),
      ev('e0.2', 2, 'job.route', { host: 'ce01.example-site.org', ceJobId: '500283.0', batchJobId: '500284.0' }, '2026-11-23T00:44:19Z'),
      ev('e0.3', 3, 'job.submit', { host: 'ce01.example-site.org', ceJobId: '500283.0', user: 'cmsprd' }, '2026-11-23T00:44:00Z'),
    ];
    const g = buildGraph(events, [], S);
    const pilots = [...g.pilots.values()].map((p) => [p.key, p.events.length]).sort();
    // The job seen first keeps the plain number.
    expect(pilots).toEqual([['500284.0', 1], ['500284.0~2', 2]]);
    const ents = g.entities.filter((e) => e.kind === 'pilot').map((e) => [e.id, e.eventCount]);
    expect(ents).toEqual([['pilot:500284.0', 1], ['pilot:500284.0~2', 2]]);
  });
});
