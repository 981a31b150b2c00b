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

export function s1(w: World, t: number, ip: string, note?: string): QuestionAnswer {
  const ps = pilotsAt(w, ip, t);
  return {
    id: 'S1', question: 'Which VOs and job ids were active at this time on this IP?', query: { at: iso(t), ip },
    expected: { vos: sortU(ps.map(() => w.atlas.name)), jobIds: sortU(ps.map((p) => p.globalJobId)), pilotIds: sortU(ps.map((p) => p.pilotId)), ambiguous: false },
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
  return {
    id: 'V1', question: 'Which users and payloads ran on this IP at this time?', query: { at: iso(t), ip },
    expected: { users: sortU(xs.map((x) => x.pl.user.name)), payloadIds: sortU(xs.map((x) => x.pl.pandaId)), ambiguous: false },
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
