/**
 * Turns the graph's records into the case's `Entity[]` and `Link[]`: deterministic ids, sorted,
 * every link with its evidence event ids, rule and confidence.
 *
 * One function per kind of record, not one long function: each loop runs once over a big case, and
 * V8 optimises (and, at the first unexpected value, throws away) a whole function at a time. In one
 * function of ten loops, every loop after a deoptimisation ran in the interpreter until the whole
 * function was compiled again: seconds at a million events.
 */
import type { Entity, LinkList } from '../model/entity';
import type { TgEvent } from '../model/event';
import { isoTime } from '../model/iso-time';
import type { IdentityRec, IpHostSpan, PayloadRec, PilotRec, TokenJoin, TokenRec } from './graph';
import { flat, fmtTime, pushTo, sortedUnique, WN_KINDS } from './graph';
import type { EventColumns } from './columns';
import { EntityLinkSink, linksInIdOrder, MAX_EVIDENCE } from './emit-sink';
import { EventLinkRows } from './event-links';
import { entityId, type RefTables } from './refs';
import { voOfGroup } from './tokens';

export interface EmitInput extends RefTables {
  events: TgEvent[];
  columns: EventColumns;
  tokens: Map<string, TokenRec>;
  identities: Map<string, IdentityRec>;
  pilots: Map<string, PilotRec>;
  payloads: Map<string, PayloadRec>;
  spansByIp: Map<string, IpHostSpan[]>;
  serviceHosts: Set<string>;
  tokenJoins: TokenJoin[];
}

const TOKEN_RULES = { requested: 'token.requested-from', seen: 'token.seen-on', used: 'token.used-from', presented: 'token.presented-to', endpoint: 'token.endpoint' };
const IDENTITY_RULES = { requested: 'identity.requested-from', seen: 'identity.seen-on', used: 'identity.used-from', presented: 'identity.presented-to', endpoint: 'identity.endpoint' };

const iso = (ts: number | undefined) => (ts === undefined || !Number.isFinite(ts) ? '' : isoTime(ts));

export function emit(g: EmitInput): { entities: Entity[]; links: LinkList } {
  const sink = new EntityLinkSink(g.columns.ts, g.columns.id);
  const rows = new EventLinkRows(MAX_EVIDENCE, g.columns.id);
  recordMembers(g, sink);
  eventMembersAndLinks(g, sink, rows);
  const firstIds = firstIdsOf(g.columns.id);
  emitTokens(g, sink, firstIds);
  emitIdentities(g, sink, firstIds);
  emitPilots(g, sink, firstIds);
  emitPayloads(g, sink, firstIds);
  for (const j of g.tokenJoins) sink.linkEvents(j.token, j.target, j.rule, j.confidence, j.evidence, j.reason ? { reason: j.reason } : {});
  emitSpans(g, sink);
  for (const e of sink.ents.values()) if (e.kind === 'host') e.attrs.role = g.serviceHosts.has(e.key) ? 'service' : 'node';
  const entities = sink.sortedEntities();
  return { entities, links: linksInIdOrder(sink.links, rows.linksByRule()) };
}

/** Ids of the first `max` of `idx` that `pred` accepts (a token used 100k times: 5 reads, not 100k). */
type FirstIds = (idx: number[], pred: (i: number) => boolean, max?: number) => string[];

function firstIdsOf(evId: string[]): FirstIds {
  return (idx, pred, max = 5) => {
    const out: string[] = [];
    for (let k = 0; k < idx.length && out.length < max; k++) if (pred(idx[k]!)) out.push(evId[idx[k]!]!);
    return out;
  };
}

/**
 * Membership and first/last seen (the same sets `eventRefs` names: a test holds them equal).
 * Tokens, identities, pilots and payloads already list their events.
 */
function recordMembers(g: EmitInput, sink: EntityLinkSink): void {
  for (const recs of [g.tokens, g.identities, g.pilots, g.payloads] as Array<Map<string, { id: string; events: number[] }>>) {
    for (const rec of recs.values()) {
      sink.members(sink.ensure(rec.id), rec.events);
    }
  }
}

/**
 * The entities of one kind of plain identifier (hosts, IPs, endpoints, VOs) by value code, and
 * their ids as link-row targets, each made when its code is first met. A table per kind rather
 * than the shared `perCode` memo: that one body served entities, numbers and strings alike, so V8
 * could specialise its loads for none of them, in the loop that runs for every event. (Hosts and
 * VOs are lower-cased in the entity id, so several spellings share one entity.)
 */
class PlainEntities {
  private readonly ents: (Entity | undefined)[];
  private readonly rowIds: number[];

  constructor(
    private readonly kind: 'host' | 'ip' | 'endpoint' | 'vo',
    private readonly values: string[],
    private readonly sink: EntityLinkSink,
    private readonly rows: EventLinkRows,
  ) {
    this.ents = new Array(values.length);
    this.rowIds = new Array(values.length).fill(-1);
  }

  of(code: number): Entity {
    return this.ents[code] ?? this.make(code);
  }

  /** The entity as a link-row target. */
  row(code: number): number {
    let r = this.rowIds[code]!;
    if (r < 0) {
      r = this.rows.toId(this.of(code).id);
      this.rowIds[code] = r;
    }
    return r;
  }

  private make(code: number): Entity {
    const e = this.sink.ensure(entityId(this.kind, this.values[code]!));
    this.ents[code] = e;
    return e;
  }
}

/**
 * Per event: memberships of plain identifiers (hosts, IPs, endpoints, VOs), through their codes in
 * the columns, and the links an event makes on its own (token/identity used from IP, at service,
 * on endpoint). The hottest loop of correlation: from columns only, each link it makes one row of
 * numbers (event-links.ts builds the links once, at the end).
 */
function eventMembersAndLinks(g: EmitInput, sink: EntityLinkSink, rows: EventLinkRows): void {
  const ruleIds = (r: typeof TOKEN_RULES) => ({ requested: rows.ruleId(r.requested), seen: rows.ruleId(r.seen), used: rows.ruleId(r.used), presented: rows.ruleId(r.presented), endpoint: rows.ruleId(r.endpoint) });
  const TOKEN_RULE_IDS = ruleIds(TOKEN_RULES);
  const IDENTITY_RULE_IDS = ruleIds(IDENTITY_RULES);
  const values = g.columns.values;
  const plain = { host: new PlainEntities('host', values, sink, rows), ip: new PlainEntities('ip', values, sink, rows), endpoint: new PlainEntities('endpoint', values, sink, rows), vo: new PlainEntities('vo', values, sink, rows) };
  const serviceHost = new Set<Entity>();
  for (const h of g.serviceHosts) serviceHost.add(sink.ensure(`host:${h}`));
  const { kind: evKind } = g.columns;
  const { host: cHost, workerNode: cWn, clientHost: cClient, ip: cIp, endpoint: cEp, vo: cVo } = g.columns.codes;
  for (let i = 0; i < g.columns.n; i++) {
    const h1 = cHost[i]! >= 0 ? plain.host.of(cHost[i]!) : undefined;
    if (h1) sink.member(h1, i);
    const h2 = cWn[i]! >= 0 ? plain.host.of(cWn[i]!) : undefined;
    if (h2 && h2 !== h1) sink.member(h2, i);
    const h3 = cClient[i]! >= 0 ? plain.host.of(cClient[i]!) : undefined;
    if (h3 && h3 !== h1 && h3 !== h2) sink.member(h3, i);
    const ip = cIp[i]! >= 0 ? plain.ip.of(cIp[i]!) : undefined;
    if (ip) sink.member(ip, i);
    const ep = cEp[i]! >= 0 ? plain.endpoint.of(cEp[i]!) : undefined;
    if (ep) sink.member(ep, i);
    if (cVo[i]! >= 0) sink.member(plain.vo.of(cVo[i]!), i);
    const toks = g.eventTokens[i]!;
    const idn = g.eventIdentity[i];
    if (toks.length === 0 && !idn) continue;
    const rules = toks.length ? TOKEN_RULE_IDS : IDENTITY_RULE_IDS;
    const kind = evKind[i]!;
    // Worker-node lines state the node's own address: the credential was there, not used from there.
    const ipRule = kind === 'token.issue' || kind === 'token.refresh' ? rules.requested : WN_KINDS.has(kind) ? rules.seen : rules.used;
    const ipTo = ip && kind !== 'net.map' ? plain.ip.row(cIp[i]!) : -1;
    const hostTo = h1 && serviceHost.has(h1) ? plain.host.row(cHost[i]!) : -1;
    const epTo = ep ? plain.endpoint.row(cEp[i]!) : -1;
    if (ipTo < 0 && hostTo < 0 && epTo < 0) continue;
    const nWho = toks.length || 1;
    for (let k = 0; k < nWho; k++) {
      const from = rows.fromId(toks.length ? toks[k]! : idn!);
      if (ipTo >= 0) rows.add(ipRule, from, ipTo, i);
      if (hostTo >= 0) rows.add(rules.presented, from, hostTo, i);
      if (epTo >= 0) rows.add(rules.endpoint, from, epTo, i);
    }
  }
}

function emitTokens(g: EmitInput, sink: EntityLinkSink, firstIds: FirstIds): void {
  const cSub = g.columns.codes.sub;
  for (const t of g.tokens.values()) {
    const ent = sink.ensure(t.id);
    ent.label = t.fp ? t.fp.slice(0, 16) : `jti ${t.jti}`;
    const a: Entity['attrs'] = {};
    if (t.fp) a.fp = t.fp;
    if (t.jti) a.jti = t.jti;
    if (t.iss) a.iss = t.iss;
    if (t.sub) a.sub = t.sub;
    if (t.info) {
      a.tokenKind = t.info.kind;
      a.scopes = t.info.scopes.map((s) => s.raw);
      a.aud = t.info.aud;
      if (t.info.exp !== undefined) a.exp = iso(t.info.exp * 1000);
      if (t.info.iat !== undefined) a.iat = iso(t.info.iat * 1000);
      for (const grp of t.info.groups) {
        const vo = voOfGroup(grp);
        if (vo && t.identity) sink.link(t.identity, `vo:${vo}`, 'identity.vo', 'certain', [], { reason: `wlcg.groups ${grp} in the token's claims` });
      }
    }
    ent.attrs = a;
    if (t.identity) {
      const ev = firstIds(t.events, (i) => cSub[i]! >= 0);
      sink.link(t.id, t.identity, 'token.subject', 'certain', ev, ev.length ? {} : { reason: "the token's sub and iss claims" });
    }
  }
}

function emitIdentities(g: EmitInput, sink: EntityLinkSink, firstIds: FirstIds): void {
  const cVo = g.columns.codes.vo;
  for (const idn of g.identities.values()) {
    const ent = sink.ensure(idn.id);
    const users = sortedUnique(idn.users);
    ent.label = users.length ? `${users.join(', ')} (${idn.sub})` : idn.sub;
    ent.attrs = { iss: idn.iss, sub: idn.sub, users, vos: sortedUnique(idn.vos) };
    for (const vo of idn.vos) sink.link(idn.id, `vo:${vo}`, 'identity.vo', 'certain', firstIds(idn.events, (i) => cVo[i]! >= 0));
  }
}

function emitPilots(g: EmitInput, sink: EntityLinkSink, firstIds: FirstIds): void {
  const { vo: cVo, host: cHost, workerNode: cWn } = g.columns.codes;
  const codeOf = g.columns.codeOf;
  for (const p of g.pilots.values()) {
    const ent = sink.ensure(p.id);
    ent.attrs = {
      ceJobIds: sortedUnique(p.ceJobIds), batchJobIds: sortedUnique(p.batchJobIds), globalJobIds: sortedUnique(p.globalJobIds), pilotIds: sortedUnique(p.pilotIds), arcJobIds: sortedUnique(p.arcJobIds),
      hosts: sortedUnique(p.hosts), slots: sortedUnique(p.slots), ces: sortedUnique(p.ces), vos: sortedUnique(p.vos), owners: sortedUnique(p.owners),
      start: iso(p.start), end: iso(p.end), endKnown: p.endKnown, notes: p.notes,
    };
    const hostEv = (h: string) => {
      const c = codeOf(h);
      return c < 0 ? [] : firstIds(p.events, (i) => cHost[i] === c || cWn[i] === c);
    };
    for (const h of p.hosts) sink.link(p.id, `host:${h.toLowerCase()}`, 'pilot.worker-node', 'certain', hostEv(h), { ...(p.start !== undefined ? { from_ts: p.start, to_ts: p.end ?? p.start } : {}), ...(p.notes.length ? { reason: p.notes.join('; ') } : {}) });
    for (const c of p.ces) sink.link(p.id, `host:${c.toLowerCase()}`, 'pilot.ce-submit', 'certain', hostEv(c));
    for (const vo of p.vos) sink.link(p.id, `vo:${vo}`, 'pilot.vo', 'certain', firstIds(p.events, (i) => cVo[i]! >= 0));
  }
}

const NONE: readonly IdentityRec[] = [];

function emitPayloads(g: EmitInput, sink: EntityLinkSink, firstIds: FirstIds): void {
  const evId = g.columns.id;
  const { sub: cSub, user: cUser } = g.columns.codes;
  const codeOf = g.columns.codeOf;
  const idnBySub = new Map<string, IdentityRec[]>();
  const idnByUser = new Map<string, IdentityRec[]>();
  for (const idn of g.identities.values()) {
    pushTo(idnBySub, idn.sub, idn);
    for (const u of idn.users) pushTo(idnByUser, u, idn);
  }
  for (const pl of g.payloads.values()) {
    const ent = sink.ensure(pl.id);
    ent.attrs = { users: sortedUnique(pl.users), subs: sortedUnique(pl.subs), vos: sortedUnique(pl.vos), hosts: sortedUnique(pl.hosts), pilot: pl.pilot ?? '', start: iso(pl.start), end: iso(pl.end), endKnown: pl.endKnown };
    ent.label = `${pl.key}${pl.users.size ? ` (${sortedUnique(pl.users).join(', ')})` : ''}`;
    if (pl.pilot && pl.pilotLink) sink.linkEvents(pl.id, `pilot:${pl.pilot}`, pl.pilotLink.rule, pl.pilotLink.confidence, pl.pilotLink.evidence, { ...(pl.pilotLink.reason ? { reason: pl.pilotLink.reason } : {}), ...(pl.start !== undefined ? { from_ts: pl.start, to_ts: pl.end ?? pl.start } : {}) });
    const related = new Set<IdentityRec>();
    const relate = (k: string) => {
      for (const idn of idnBySub.get(k) ?? NONE) related.add(idn);
      for (const idn of idnByUser.get(k) ?? NONE) related.add(idn);
    };
    for (const k of pl.subs) relate(k);
    for (const k of pl.users) relate(k);
    for (const idn of related.size > 1 ? [...related].sort((a, b) => (a.id < b.id ? -1 : 1)) : related) {
      if (pl.subs.has(idn.sub) || pl.users.has(idn.sub)) {
        const c = codeOf(idn.sub);
        sink.link(pl.id, idn.id, 'payload.subject', 'certain', c < 0 ? [] : firstIds(pl.events, (i) => cSub[i] === c || cUser[i] === c));
      } else for (const u of idn.users) if (pl.users.has(u)) {
        const cu = codeOf(u);
        const mapping = cu < 0 ? undefined : idn.events.find((i) => cUser[i] === cu);
        sink.link(pl.id, idn.id, 'payload.user-mapping', 'inferred', [pl.events[0]!, ...(mapping !== undefined ? [mapping] : [])].map((i) => evId[i]!), { reason: `payload user ${u} is mapped to subject ${idn.sub}${mapping !== undefined ? ` by ${g.events[mapping]!.src.input}:${g.events[mapping]!.src.line}` : ''}` });
      }
    }
  }
}

function emitSpans(g: EmitInput, sink: EntityLinkSink): void {
  // An IP's spans are listed under it (netmap.ts): its hosts and NAT flag are gathered over them and
  // set once; a NAT gateway has a hundred spans, and re-sorting its host list at each was quadratic.
  for (const [addr, spans] of g.spansByIp) {
    const ipId = flat(`ip:${addr}`);
    const ip = sink.ensure(ipId);
    const hosts = new Set((ip.attrs.hosts as string[] | undefined) ?? []);
    let shared = Boolean(ip.attrs.shared);
    for (const s of spans) {
      const bounded = Number.isFinite(s.from) || Number.isFinite(s.to);
      const nat = s.shared ? `${s.ip} maps to several hosts at once (NAT or shared gateway)` : undefined;
      const when = bounded ? `from ${fmtTime(s.from)} to ${fmtTime(s.to)}` : undefined;
      const reason = [nat, when].filter(Boolean).join('; ');
      sink.linkEvents(ipId, `host:${s.host}`, s.rule, 'certain', s.evidence, { ...(bounded ? { from_ts: Number.isFinite(s.from) ? s.from : undefined, to_ts: Number.isFinite(s.to) ? s.to : undefined } : {}), ...(reason ? { reason } : {}) });
      shared ||= s.shared;
      hosts.add(s.host);
    }
    ip.attrs.shared = shared;
    ip.attrs.hosts = sortedUnique(hosts);
  }
}
