/**
 * Token and identity resolution: which token (by fingerprint, else issuer + jti) and which subject
 * (issuer + subject) each event names. An event that names only a jti or only a subject borrows the
 * issuer from a token or another line that states it, when exactly one does.
 */
import type { TgEvent } from '../model/event';
import type { TokenInfo } from '../model/token';
import { addToSet, flat, type IdentityRec, innerMap, pushTo, type TokenRec } from './graph';

export interface TokenResolution {
  tokens: Map<string, TokenRec>;
  identities: Map<string, IdentityRec>;
  eventTokens: string[][];
  /** The same as records (parallel to eventTokens): later passes need the record, not its id. */
  eventTokenRecs: TokenRec[][];
  eventIdentity: (string | undefined)[];
}

const EMPTY: string[] = [];

/** Root VO of a WLCG group (`/cms/pilot` → `cms`). */
export function voOfGroup(g: string): string | undefined {
  const m = /^\/?([^/]+)/.exec(g);
  return m ? m[1]!.toLowerCase() : undefined;
}

function only(s: Set<string> | undefined): string | undefined {
  return s && s.size === 1 ? s.values().next().value : undefined;
}

export function resolveTokens(events: TgEvent[], infos: TokenInfo[]): TokenResolution {
  const tokens = new Map<string, TokenRec>();
  const identities = new Map<string, IdentityRec>();
  const byFp = new Map<string, TokenInfo>();
  const fpByJti = new Map<string, string[]>();
  const issBySub = new Map<string, Set<string>>();
  const issByJti = new Map<string, Set<string>>();
  for (const t of infos) {
    byFp.set(t.fp, t);
    if (t.jti) pushTo(fpByJti, t.jti, t.fp);
    if (t.sub && t.iss) addToSet(issBySub, t.sub, t.iss);
    if (t.jti && t.iss) addToSet(issByJti, t.jti, t.iss);
  }
  for (const e of events) {
    const { sub, iss, jti } = e.ids;
    if (sub && iss) addToSet(issBySub, sub, iss);
    if (jti && iss) addToSet(issByJti, jti, iss);
  }

  // Caches by raw value: these run once or twice per event.
  const idnCache = new Map<string, Map<string, IdentityRec>>();
  const identity = (iss: string | undefined, sub: string): IdentityRec => {
    const i = iss ?? only(issBySub.get(sub)) ?? '';
    let bySub = idnCache.get(i);
    if (!bySub) {
      bySub = new Map();
      idnCache.set(i, bySub);
    }
    const hit = bySub.get(sub);
    if (hit) return hit;
    const id = flat(`identity:${i}|${sub}`);
    let rec = identities.get(id);
    if (!rec) {
      rec = { id, iss: i, sub, users: new Set(), vos: new Set(), events: [] };
      identities.set(id, rec);
    }
    bySub.set(sub, rec);
    return rec;
  };
  const tokenRec = (key: string, parts: Partial<TokenRec>): TokenRec => {
    const id = flat(`token:${key}`);
    let rec = tokens.get(id);
    if (!rec) {
      rec = { id, key, events: [], ...parts };
      tokens.set(id, rec);
      if (rec.sub) {
        const idn = identity(rec.iss, rec.sub);
        rec.identity = idn.id;
      }
    }
    return rec;
  };
  const byFpRec = new Map<string, TokenRec>();
  const fromInfo = (info: TokenInfo): TokenRec => {
    const cached = byFpRec.get(info.fp);
    if (cached) return cached;
    const rec = tokenRec(info.fp, { fp: info.fp, jti: info.jti, iss: info.iss, sub: info.sub, info });
    if (rec.identity) for (const g of info.groups) {
      const vo = voOfGroup(g);
      if (vo) identities.get(rec.identity)!.vos.add(vo);
    }
    byFpRec.set(info.fp, rec);
    return rec;
  };
  for (const t of [...infos].sort((a, b) => (a.fp < b.fp ? -1 : 1))) fromInfo(t);

  // A token named by jti, by issuer: the same record for every line that names it.
  const byJti = new Map<string, Map<string, TokenRec>>();
  const jtiRec = (jti: string, iss: string | undefined, sub: string | undefined): TokenRec => {
    const m = innerMap(byJti, iss ?? '');
    let rec = m.get(jti);
    if (!rec) {
      const fp = fpByJti.get(jti)?.find((f) => !iss || !byFp.get(f)!.iss || byFp.get(f)!.iss === iss);
      rec = fp ? fromInfo(byFp.get(fp)!) : tokenRec(`${iss ?? ''}|${jti}`, { jti, iss, sub });
      m.set(jti, rec);
    }
    return rec;
  };
  // Most lines name one token: its one-element list is shared (the lists are read-only).
  const single = new Map<TokenRec, { ids: string[]; recs: TokenRec[] }>();
  const singleList = (rec: TokenRec): { ids: string[]; recs: TokenRec[] } => {
    let l = single.get(rec);
    if (!l) {
      l = { ids: [rec.id], recs: [rec] };
      single.set(rec, l);
    }
    return l;
  };
  const NO_RECS: TokenRec[] = [];

  const eventTokens: string[][] = new Array(events.length);
  const eventTokenRecs: TokenRec[][] = new Array(events.length);
  const eventIdentity: (string | undefined)[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const ids = e.ids;
    let named: string[] = EMPTY;
    let namedRecs = NO_RECS;
    const fps = ids.tokenFps;
    if (fps?.length || ids.jti) {
      const recs: TokenRec[] = [];
      for (const fp of fps ?? []) {
        const info = byFp.get(fp);
        const rec = info ? fromInfo(info) : tokenRec(fp, { fp });
        if (!recs.includes(rec)) recs.push(rec);
      }
      if (ids.jti) {
        const iss = ids.iss ?? only(issByJti.get(ids.jti)) ?? (ids.sub ? only(issBySub.get(ids.sub)) : undefined);
        const rec = jtiRec(ids.jti, iss, ids.sub);
        if (!recs.includes(rec)) recs.push(rec);
      }
      if (recs.length === 1) ({ ids: named, recs: namedRecs } = singleList(recs[0]!));
      else {
        named = recs.map((r) => r.id);
        namedRecs = recs;
      }
      for (const r of recs) r.events.push(i);
    }
    eventTokens[i] = named;
    eventTokenRecs[i] = namedRecs;
    if (ids.sub) {
      const idn = identity(ids.iss ?? namedRecs[0]?.iss, ids.sub);
      idn.events.push(i);
      // A line that names both a subject and a user maps the subject to that account or VO name.
      if (ids.user && ids.user !== ids.sub) idn.users.add(ids.user);
      if (ids.vo) idn.vos.add(ids.vo.toLowerCase());
      eventIdentity[i] = idn.id;
    }
  }
  return { tokens, identities, eventTokens, eventTokenRecs, eventIdentity };
}
