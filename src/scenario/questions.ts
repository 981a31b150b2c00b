/**
 * The six traceability answers computed from the cast (world.ts), so each scenario only chooses
 * the query (time, IP, activity, job, user, VO) and the expected answer follows from the facts.
 */
import type { QuestionAnswer } from './answers';
import { iso } from './clock';
import type { Payload, Pilot, World } from './world';

const running = (p: { start: number; end: number }, t: number): boolean => p.start <= t && t <= p.end;

export function pilotsAt(w: World, ip: string, t: number): Pilot[] {
  return w.pilots.filter((p) => p.wn.ip === ip && running(p, t));
}

function payloadsAt(w: World, ip: string, t: number): Array<{ p: Pilot; pl: Payload }> {
  return pilotsAt(w, ip, t).flatMap((p) => p.payloads.filter((pl) => running(pl, t)).map((pl) => ({ p, pl })));
}

const sortU = (xs: string[]): string[] => [...new Set(xs)].sort();

/** S1; `ambiguous` when the IP is a NAT address shared by several nodes running jobs. */
export function s1(w: World, t: number, ip: string, note?: string): QuestionAnswer {
  const ps = pilotsAt(w, ip, t);
  const ambiguous = new Set(ps.map((p) => p.wn.fqdn)).size > 1;
  return {
    id: 'S1', question: 'Which VOs and job ids were active at this time on this IP?', query: { at: iso(t), ip },
    expected: { vos: sortU(ps.map(() => w.atlas.name)), jobIds: sortU(ps.map((p) => p.globalJobId)), pilotIds: sortU(ps.map((p) => p.pilotId)), ambiguous },
    ...(note ? { note } : {}),
  };
}

export function s2(w: World, t: number, ip: string, activity: string, pilot: Pilot, ambiguousWithout: boolean): QuestionAnswer {
  return {
    id: 'S2', question: 'Which one VO and job did this activity from this IP at this time?', query: { at: iso(t), ip, activity },
    expected: { vos: [w.atlas.name], jobIds: [pilot.globalJobId], pilotIds: [pilot.pilotId], ambiguous: false },
    note: ambiguousWithout ? 'Without the activity the IP alone matches several jobs (see S1); the activity singles one out.' : 'The activity is the storage request logged at this time from this IP.',
  };
}

export function s3(w: World, from: number, until: number, extraIps: string[] = [], note?: string): QuestionAnswer {
  const ips = w.pilots.filter((p) => p.start <= until && p.end >= from).map((p) => p.wn.ip);
  return {
    id: 'S3', question: 'Which IPs did this VO use in this period?', query: { at: iso(from), until: iso(until), vo: w.atlas.name },
    expected: { ips: sortU([...ips, ...extraIps]), ambiguous: false }, ...(note ? { note } : {}),
  };
}

export function v1(w: World, t: number, ip: string): QuestionAnswer {
  const xs = payloadsAt(w, ip, t);
  const ambiguous = new Set(xs.map((x) => x.p.wn.fqdn)).size > 1;
  return {
    id: 'V1', question: 'Which users and payloads ran on this IP at this time?', query: { at: iso(t), ip },
    expected: { users: sortU(xs.map((x) => x.pl.user.name)), payloadIds: sortU(xs.map((x) => x.pl.pandaId)), ambiguous },
  };
}

export function v2(t: number, ip: string, pilot: Pilot): QuestionAnswer {
  const pl = pilot.payloads.find((x) => running(x, t));
  if (!pl) throw new Error(`V2: pilot ${pilot.key} runs no payload at ${iso(t)}`);
  return {
    id: 'V2', question: 'Which one user payload did this job run on this IP at this time?', query: { at: iso(t), ip, job: pilot.globalJobId },
    expected: { users: [pl.user.name], payloadIds: [pl.pandaId], pilotIds: [pilot.pilotId], ambiguous: false },
  };
}

export function v3(w: World, from: number, until: number, user: string): QuestionAnswer {
  const ps = w.pilots.filter((p) => p.payloads.some((pl) => pl.user.name === user && pl.start <= until && pl.end >= from));
  return {
    id: 'V3', question: "Which pilot jobs ran this user's payloads in this period?", query: { at: iso(from), until: iso(until), user },
    expected: { pilotIds: sortU(ps.map((p) => p.pilotId)), jobIds: sortU(ps.map((p) => p.globalJobId)), payloadIds: sortU(ps.flatMap((p) => p.payloads.filter((pl) => pl.user.name === user).map((pl) => pl.pandaId))), ambiguous: false },
  };
}

/** Midpoint of an interval, on a whole second. */
export function mid(a: number, b: number): number {
  return Math.floor((a + b) / 2000) * 1000;
}

/** The six questions around the cast on wn017 and wn018, for scenarios that do not steer them. */
export function standardQuestions(w: World, from: number, until: number, extraIps: string[] = [], s3note?: string): QuestionAnswer[] {
  const p1 = w.pilots.find((p) => p.key === 'P1') as Pilot;
  const p2 = w.pilots.find((p) => p.key === 'P2') as Pilot;
  const p7 = w.pilots.find((p) => p.key === 'P7') as Pilot;
  const a1 = p1.payloads[0] as Payload;
  const c1 = p2.payloads[0] as Payload;
  const carolGet = c1.start + 2 * 60_000;
  const tV = mid(Math.max(p7.payloads[0]?.start ?? 0, c1.start), Math.min(a1.end, c1.end));
  return [
    s1(w, carolGet, p1.wn.ip),
    s2(w, carolGet, p1.wn.ip, `GET /pnfs/example-site.org/data/atlas${c1.inPath}`, p2, true),
    s3(w, from, until, extraIps, s3note),
    v1(w, tV, p1.wn.ip),
    v2(tV, p1.wn.ip, p1),
    v3(w, a1.start - 3_600_000, a1.start + 12 * 3_600_000, 'alice'),
  ];
}
