import type { CaseSettings } from '../model/case';
import type { Entity, LinkList } from '../model/entity';
import type { TgEvent } from '../model/event';
import type { TokenInfo } from '../model/token';
import { eventColumns } from './columns';
import { emit } from './emit';
import { DEFAULT_TOLERANCE_MS, type Graph, pushTo } from './graph';
import { joinTokens } from './joins';
import { buildSpans } from './netmap';
import { canonicalOrder } from './order';
import { buildPilots } from './pilots';
import { resolveTokens } from './tokens';

export { compareEvents } from './order';

/** Parsers of worker-node logs: their hosts are nodes even when a line looks like a service's. */
const WN_SIDE = new Set(['htcondor.startlog', 'htcondor.starterlog', 'panda.pilot', 'dirac.pilot', 'alice.jobagent', 'glideinwms.startup']);
const SERVICE_KINDS = new Set<TgEvent['kind']>(['job.submit', 'job.route', 'storage.access', 'transfer', 'token.issue', 'token.refresh', 'http.request', 'token.use', 'token.reject', 'auth.login', 'auth.fail']);

/** Builds the full correlation graph (records with intervals + emitted entities and links). */
export function buildGraph(input: TgEvent[], tokens: TokenInfo[], settings: CaseSettings, timings?: Record<string, number>, clock: () => number = () => performance.now()): Graph {
  // `clock` lets a benchmark time phases in CPU time (the core has no process clock).
  let last = clock();
  const lap = (name: string) => {
    const now = clock();
    if (timings) timings[name] = (timings[name] ?? 0) + now - last;
    last = now;
  };
  const sorted = canonicalOrder(input);
  const events = sorted.events;
  lap('sort');
  const columns = eventColumns(input, sorted);
  const { kind, parser, values } = columns;
  const hostCode = columns.codes.host;
  lap('columns');
  const tol = settings.clockToleranceMs ?? DEFAULT_TOLERANCE_MS;
  const tr = resolveTokens(columns, tokens);
  lap('tokens');
  // Hosts that write service logs (submission, routing, storage, issuing...) are never pilot nodes.
  // A host is known for one once one of its lines says so: its other lines (most of a service's
  // million) skip the two set lookups.
  const serviceLike = new Set<string>();
  const isService = new Uint8Array(values.length);
  for (let i = 0; i < columns.n; i++) {
    const c = hostCode[i]!;
    if (c < 0 || isService[c] || !SERVICE_KINDS.has(kind[i]!) || WN_SIDE.has(parser[i]!)) continue;
    isService[c] = 1;
    serviceLike.add(values[c]!);
  }
  const pr = buildPilots(columns, tol, serviceLike);
  lap('pilots');
  const { byIp, byHost } = buildSpans(events, pr.pilots.values(), tol, columns);
  lap('netmap');
  const nodeHosts = new Set<string>();
  for (const p of pr.pilots.values()) for (const h of p.hosts) nodeHosts.add(h.toLowerCase());
  const serviceHosts = new Set<string>();
  const seen = new Uint8Array(values.length);
  for (let i = 0; i < columns.n; i++) {
    const c = hostCode[i]!;
    if (c < 0 || seen[c] || !SERVICE_KINDS.has(kind[i]!)) continue;
    seen[c] = 1;
    const h = values[c]!.toLowerCase();
    if (!nodeHosts.has(h)) serviceHosts.add(h);
  }
  const tokenJoins = joinTokens({ columns, tokens: tr.tokens, identities: tr.identities, pilots: pr.pilots, payloads: pr.payloads, spansByIp: byIp, eventTokenRecs: tr.eventTokenRecs, eventPilot: pr.eventPilot, toleranceMs: tol }, byHost);
  lap('joins');
  const partial = { events, columns, tokens: tr.tokens, identities: tr.identities, pilots: pr.pilots, payloads: pr.payloads, spansByIp: byIp, serviceHosts, tokenJoins, eventTokens: tr.eventTokens, eventIdentity: tr.eventIdentity, eventPilot: pr.eventPilot };
  const { entities, links } = emit(partial);
  lap('emit');
  const joinsByToken = new Map<string, typeof tokenJoins>();
  const joinsByTarget = new Map<string, typeof tokenJoins>();
  for (const j of tokenJoins) {
    pushTo(joinsByToken, j.token, j);
    pushTo(joinsByTarget, j.target, j);
  }
  return {
    ...partial,
    settings: { ...settings, clockToleranceMs: tol },
    spansByHost: byHost,
    pilotByJob: pr.pilotByJob,
    joinsByToken,
    joinsByTarget,
    entities,
    links,
    entityById: new Map(entities.map((e) => [e.id, e])),
  };
}

/** Events → entity graph: deterministic ids `<kind>:<key>`, sorted entities and links. */
export function correlate(events: TgEvent[], tokens: TokenInfo[], settings: CaseSettings): { entities: Entity[]; links: LinkList } {
  const g = buildGraph(events, tokens, settings);
  return { entities: g.entities, links: g.links };
}
