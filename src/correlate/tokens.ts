/**
 * Token and identity resolution: which token (by fingerprint, else issuer + jti) and which subject
 * (issuer + subject) each event names. An event that names only a jti or only a subject borrows the
 * issuer from a token or another line that states it, when exactly one does.
 */
import type { TokenInfo } from '../model/token';
import { type EventColumns, perCode } from './columns';
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

/** The tokens one line names, as ids and as records. */
interface NamedList {
  ids: string[];
  recs: TokenRec[];
}

/** Root VO of a WLCG group (`/cms/pilot` → `cms`). */
export function voOfGroup(g: string): string | undefined {
  const m = /^\/?([^/]+)/.exec(g);
  return m ? m[1]!.toLowerCase() : undefined;
}

function only(s: Set<string> | undefined): string | undefined {
  return s && s.size === 1 ? s.values().next().value : undefined;
}

export function resolveTokens(cols: EventColumns, infos: TokenInfo[]): TokenResolution {
  const { n, values, tokenFps } = cols;
  const { sub: cSub, iss: cIss, jti: cJti, user: cUser, vo: cVo } = cols.codes;
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
  for (let i = 0; i < n; i++) {
    const iss = cIss[i]!;
    if (iss < 0) continue;
    if (cSub[i]! >= 0) addToSet(issBySub, values[cSub[i]!]!, values[iss]!);
    if (cJti[i]! >= 0) addToSet(issByJti, values[cJti[i]!]!, values[iss]!);
  }
  // The one issuer lines and tokens state for a jti or a subject, by value code (asked per event).
  const onlyIssOfJti = perCode((c) => only(issByJti.get(values[c]!)));
  const onlyIssOfSub = perCode((c) => only(issBySub.get(values[c]!)));
  const voLower = perCode((c) => values[c]!.toLowerCase());

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
  const tokenRec = (key: string, parts: Pick<TokenRec, 'fp' | 'jti' | 'iss' | 'sub' | 'info'>): TokenRec => {
    const id = flat(`token:${key}`);
    let rec = tokens.get(id);
    if (!rec) {
      // One shape for every record (later passes read these fields a million times), and the
      // events' own strings for its claims, so lookups keyed by them meet the same string.
      const c = cols.canonical;
      rec = { id, key, fp: parts.fp, jti: parts.jti && c(parts.jti), iss: parts.iss && c(parts.iss), sub: parts.sub && c(parts.sub), info: parts.info, identity: undefined, events: [] };
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
      rec = fp ? fromInfo(byFp.get(fp)!) : tokenRec(`${iss ?? ''}|${jti}`, { fp: undefined, jti, iss, sub, info: undefined });
      m.set(jti, rec);
    }
    return rec;
  };
  // Most lines name one token: its one-element list is shared (the lists are read-only).
  const single = new Map<TokenRec, NamedList>();
  const singleList = (rec: TokenRec): NamedList => {
    let l = single.get(rec);
    if (!l) {
      l = { ids: [rec.id], recs: [rec] };
      single.set(rec, l);
    }
    return l;
  };
  const NO_RECS: TokenRec[] = [];

  // The last record each jti and subject code resolved to, with the issuer it was asked with.
  const jtiLast: Array<{ iss: string | undefined; sc: number; stated: boolean; rec: TokenRec; list: NamedList } | undefined> = [];
  const subLast: Array<{ iss: string | undefined; rec: IdentityRec } | undefined> = [];
  // The tokens the current line names, in order, each once: the first `nRecs` of one list reused for
  // every line (most lines name one token, whose shared list is then taken: no list made per line;
  // a count, not `recs.length = 0`, which would free the list's storage on every line).
  const recs: TokenRec[] = [];
  const named = (rec: TokenRec, nRecs: number): boolean => {
    for (let k = 0; k < nRecs; k++) if (recs[k] === rec) return true;
    return false;
  };
  const eventTokens: string[][] = new Array(n);
  const eventTokenRecs: TokenRec[][] = new Array(n);
  const eventIdentity: (string | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let namedIds: string[] = EMPTY;
    let namedRecs = NO_RECS;
    const fps = tokenFps.get(i);
    const jc = cJti[i]!;
    const sc = cSub[i]!;
    const ic = cIss[i]!;
    if (fps || jc >= 0) {
      let nRecs = 0;
      for (const fp of fps ?? []) {
        const info = byFp.get(fp);
        const rec = info ? fromInfo(info) : tokenRec(fp, { fp, jti: undefined, iss: undefined, sub: undefined, info: undefined });
        if (!named(rec, nRecs)) recs[nRecs++] = rec;
      }
      let single: NamedList | undefined;
      if (jc >= 0) {
        // A line without an issuer borrows one that depends on its jti and subject only: the last
        // answer for this jti holds while the subject is the same (no issuer lookups per line).
        let last = jtiLast[jc];
        if (ic >= 0 || !last || last.sc !== sc || last.stated) {
          const iss = ic >= 0 ? values[ic]! : (onlyIssOfJti(jc) ?? (sc >= 0 ? onlyIssOfSub(sc) : undefined));
          if (!last || last.iss !== iss || last.sc !== sc || last.stated !== ic >= 0) {
            const rec = jtiRec(values[jc]!, iss, sc >= 0 ? values[sc] : undefined);
            last = jtiLast[jc] = { iss, sc, stated: ic >= 0, rec, list: singleList(rec) };
          }
        }
        if (!named(last.rec, nRecs)) recs[nRecs++] = last.rec;
        if (nRecs === 1) single = last.list;
      }
      if (nRecs === 1) ({ ids: namedIds, recs: namedRecs } = single ?? singleList(recs[0]!));
      else {
        namedRecs = recs.slice(0, nRecs);
        namedIds = namedRecs.map((r) => r.id);
      }
      for (let k = 0; k < nRecs; k++) recs[k]!.events.push(i);
    }
    eventTokens[i] = namedIds;
    eventTokenRecs[i] = namedRecs;
    if (sc >= 0) {
      const iss = ic >= 0 ? values[ic]! : namedRecs[0]?.iss;
      let last = subLast[sc];
      if (!last || last.iss !== iss) last = subLast[sc] = { iss, rec: identity(iss, values[sc]!) };
      const idn = last.rec;
      idn.events.push(i);
      // A line that names both a subject and a user maps the subject to that account or VO name.
      const uc = cUser[i]!;
      if (uc >= 0 && uc !== sc) idn.users.add(values[uc]!);
      const vc = cVo[i]!;
      if (vc >= 0) idn.vos.add(voLower(vc));
      eventIdentity[i] = idn.id;
    }
  }
  return { tokens, identities, eventTokens, eventTokenRecs, eventIdentity };
}
