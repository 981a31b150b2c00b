/** Assembles answers.json from the incident, the world and the line refs seen while streaming. */
import type { AnswerPayload, AnswerPilot, AnswerToken, EvidenceRef, ScenarioAnswers } from './answers';
import { iso } from './clock';
import type { Incident, IncidentToken } from './scenarios/types';
import { loggingHosts, type Payload, type Pilot, type World } from './world';

interface FinishInput extends Pick<ScenarioAnswers, 'format' | 'scenario' | 'seed' | 'sizeBytes' | 'difficulty' | 'description' | 'window'> {
  world: World;
  incident: Incident;
  refs: Map<string, EvidenceRef>;
  dropped: ScenarioAnswers['droppedSources'];
}

export function pilotAnswer(p: Pilot): AnswerPilot {
  return { pilotId: p.pilotId, ceJobId: p.ceJobId, batchJobId: p.batchJobId, globalJobId: p.globalJobId, host: p.wn.fqdn, ip: p.wn.ip, slot: p.slot, factory: p.factory.fqdn };
}

function payloadAnswer(w: World, pl: Payload): AnswerPayload {
  const p = w.pilots.find((x) => x.payloads.includes(pl));
  return { payloadId: pl.pandaId, user: pl.user.name, pilotId: p?.pilotId ?? '', start: iso(pl.start), end: iso(pl.end) };
}

function tokenAnswer(t: IncidentToken, refs: Map<string, EvidenceRef>): AnswerToken {
  const exposedIn = t.refs.map((r) => {
    const e = refs.get(r);
    if (!e) throw new Error(`answer ref ${r} was never written`);
    return e;
  });
  return { fingerprint: t.fingerprint, jti: t.jti, iss: t.iss, sub: t.sub, user: t.user, kind: t.kind, why: t.why, exposedIn, ...(t.mintedJtis ? { mintedJtis: t.mintedJtis } : {}) };
}

export function finishAnswers(x: FinishInput): ScenarioAnswers {
  const { world: w, incident: inc } = x;
  const skew: Record<string, number> = {};
  for (const h of loggingHosts(w)) skew[h.fqdn] = h.skewMs;
  return {
    format: x.format,
    scenario: x.scenario,
    seed: x.seed,
    sizeBytes: x.sizeBytes,
    difficulty: x.difficulty,
    description: x.description,
    bundleDir: 'bundle',
    window: x.window,
    incident: { summary: inc.summary, ...(inc.from ? { from: iso(inc.from) } : {}), ...(inc.to ? { to: iso(inc.to) } : {}) },
    questions: inc.questions,
    compromisedTokens: inc.compromised.map((t) => tokenAnswer(t, x.refs)),
    flaggedTokens: inc.flagged.map((t) => tokenAnswer(t, x.refs)),
    attackerIps: inc.attackerIps,
    affectedUsers: inc.affectedUsers,
    affectedPilots: inc.affectedPilots.map(pilotAnswer),
    affectedPayloads: inc.affectedPayloads.map((pl) => payloadAnswer(w, pl)),
    expectedFindings: inc.expectedFindings,
    noHighSeverity: inc.noHighSeverity,
    containment: inc.containment,
    droppedSources: x.dropped,
    clockSkewMs: skew,
    timezones: {
      'HTCondor-CE and worker-node logs (AuditLog, SchedLog, JobRouterLog, StartLog, StarterLog)': 'local time without zone, UTC+01:00',
      'XRootD xrootd.log': 'local time without zone, UTC+01:00',
      'sshd auth.log': 'local time without zone or year, UTC+01:00',
      'dCache access, FTS, Apache access_log': 'local time with numeric offset (+0100)',
      'PanDA pilotlog.txt, IAM log': 'UTC',
      'history ClassAds, JWT claims, IAM audit timestamp field': 'epoch seconds / ms, UTC',
    },
    cast: { pilots: w.pilots.map(pilotAnswer), payloads: w.pilots.flatMap((p) => p.payloads.map((pl) => payloadAnswer(w, pl))) },
  };
}
