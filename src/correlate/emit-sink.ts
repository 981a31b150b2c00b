/**
 * Where emit collects the case's entities and links: one entity per id, one link per (rule, from,
 * to[@from_ts]) with its evidence merged, and the links handed out sorted by id.
 */
import type { Entity, EntityKind, Link } from '../model/entity';
import { innerMap } from './graph';
import { ChainedLinks, type LinkRun } from './link-list';

export const MAX_EVENTS = 200;
export const MAX_EVIDENCE = 50;

/** A source's links of one rule: the one link most sources have, or a map by target key. */
export type SourceLinks = Link | Map<string, Link>;

/** `to`, or `to@from_ts` for links that hold over an interval (one per interval). */
const targetKey = (to: string, fromTs: number | undefined) => (fromTs !== undefined ? `${to}@${fromTs}` : to);

export class EntityLinkSink {
  readonly ents = new Map<string, Entity>();
  // Links keyed rule → from → to[@from_ts] (no id string per lookup); most sources have one link
  // per rule, kept as it is: a map per source and rule was a hundred thousand maps at 1M events.
  readonly links = new Map<string, Map<string, SourceLinks>>();

  /** `evTs`: the events' times in event order, which is time order (correlation's canonical order). */
  constructor(
    private readonly evTs: Float64Array,
    private readonly evId: string[],
  ) {}

  /** The entity `id` (`<kind>:<key>`), created bare when new. */
  ensure(id: string): Entity {
    let e = this.ents.get(id);
    if (!e) {
      const i = id.indexOf(':');
      const key = id.slice(i + 1);
      // First/last seen start as doubles (±Infinity until an event names it): a number field added
      // later is stored boxed, and every update of it then allocated (millions of updates).
      e = { id, kind: id.slice(0, i) as EntityKind, key, label: key, attrs: {}, events: [], eventCount: 0, firstSeen: Number.POSITIVE_INFINITY, lastSeen: Number.NEGATIVE_INFINITY };
      this.ents.set(id, e);
    }
    return e;
  }

  /** Event `i` names `ent`: membership (capped) and first/last seen. */
  member(ent: Entity, i: number): void {
    if (ent.events.length < MAX_EVENTS) ent.events.push(this.evId[i]!);
    ent.eventCount++;
    const ts = this.evTs[i]!;
    if (ts < ent.firstSeen!) ent.firstSeen = ts;
    if (ts > ent.lastSeen!) ent.lastSeen = ts;
  }

  /** Events `idx` all name `ent` (a record's own list: sized once instead of grown by pushes). */
  members(ent: Entity, idx: number[]): void {
    if (ent.eventCount > 0 || idx.length === 0) {
      for (const i of idx) this.member(ent, i);
      return;
    }
    ent.events = idx.slice(0, MAX_EVENTS).map((i) => this.evId[i]!);
    ent.eventCount = idx.length;
    // Events are numbered in time order: a list in ascending order (records list theirs so, as a
    // rule) has its first and last seen at its ends, without reading every event's time.
    let ascending = true;
    for (let k = 1; k < idx.length && ascending; k++) ascending = idx[k - 1]! < idx[k]!;
    if (ascending) {
      ent.firstSeen = Math.min(ent.firstSeen!, this.evTs[idx[0]!]!);
      ent.lastSeen = Math.max(ent.lastSeen!, this.evTs[idx[idx.length - 1]!]!);
      return;
    }
    let first = ent.firstSeen!;
    let last = ent.lastSeen!;
    for (const i of idx) {
      const ts = this.evTs[i]!;
      if (ts < first) first = ts;
      if (ts > last) last = ts;
    }
    ent.firstSeen = first;
    ent.lastSeen = last;
  }

  /** A link; a second one with the same rule and ends (and `from_ts`) adds its evidence to the first. */
  link(from: string, to: string, rule: string, confidence: Link['confidence'], evidence: string[], extra: Partial<Link> = {}): void {
    const l = this.find(rule, from, to, extra.from_ts);
    if (l) {
      for (const ev of evidence) if (l.evidence.length < MAX_EVIDENCE && !l.evidence.includes(ev)) l.evidence.push(ev);
      return;
    }
    this.add(from, to, rule, confidence, evidence.slice(0, MAX_EVIDENCE), extra);
  }

  /**
   * `link` with its evidence given as event indices, made into ids only as far as the link can
   * hold them (a span or a payload's pilot link can cite thousands of events; a link keeps 50).
   */
  linkEvents(from: string, to: string, rule: string, confidence: Link['confidence'], idx: readonly number[], extra: Partial<Link> = {}): void {
    const l = this.find(rule, from, to, extra.from_ts);
    if (!l) {
      const n = Math.min(idx.length, MAX_EVIDENCE);
      const ids: string[] = new Array(n);
      for (let k = 0; k < n; k++) ids[k] = this.evId[idx[k]!]!;
      this.add(from, to, rule, confidence, ids, extra);
      return;
    }
    for (let k = 0; k < idx.length && l.evidence.length < MAX_EVIDENCE; k++) {
      const ev = this.evId[idx[k]!]!;
      if (!l.evidence.includes(ev)) l.evidence.push(ev);
    }
  }

  /** A new link (none yet with this rule, ends and `from_ts`), its evidence already capped. */
  private add(from: string, to: string, rule: string, confidence: Link['confidence'], evidence: string[], extra: Partial<Link>): void {
    this.ensure(from);
    this.ensure(to);
    const toKey = targetKey(to, extra.from_ts);
    const made: Link = { id: `${rule}:${from}->${toKey}`, from, to, rule, confidence, evidence, ...extra };
    const byFrom = innerMap(this.links, rule);
    const at = byFrom.get(from);
    if (at === undefined) byFrom.set(from, made);
    else if (at instanceof Map) at.set(toKey, made);
    else byFrom.set(from, new Map([[targetKey(at.to, at.from_ts), at], [toKey, made]]));
  }

  private find(rule: string, from: string, to: string, fromTs: number | undefined): Link | undefined {
    const at = this.links.get(rule)?.get(from);
    if (at === undefined) return undefined;
    if (at instanceof Map) return at.get(targetKey(to, fromTs));
    return at.to === to && at.from_ts === fromTs ? at : undefined;
  }

  /** Entities sorted by id; those no event names carry no first/last seen. */
  sortedEntities(): Entity[] {
    const entities = [...this.ents.values()].sort(byId);
    for (const e of entities) if (e.eventCount === 0) {
      delete e.firstSeen;
      delete e.lastSeen;
    }
    return entities;
  }
}

/** Orders records by id (code-unit order, as the case lists them). */
export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * `keys` in the order of `${key}${sep}…` strings, or undefined when one such prefix begins another
 * (then groups interleave and only sorting whole ids is exact).
 */
export function groupOrder(keys: Iterable<string>, sep: string): string[] | undefined {
  const sorted = [...keys].sort();
  // When no key begins another, appending `sep` to each changes neither their order nor makes one
  // begin another: the common case, without building a string per key. (Were a key to begin a later
  // one, it would begin its neighbour too, so neighbours are enough to check.)
  let nested = false;
  for (let i = 1; i < sorted.length && !nested; i++) nested = sorted[i]!.startsWith(sorted[i - 1]!);
  if (!nested) return sorted;
  const prefixed = sorted.map((k) => k + sep).sort();
  for (let i = 1; i < prefixed.length; i++) if (prefixed[i]!.startsWith(prefixed[i - 1]!)) return undefined;
  return prefixed.map((k) => k.slice(0, -sep.length));
}

/**
 * Links sorted by id (`rule:from->to`), group by group: a million links with long shared prefixes
 * (one token's hundred endpoints) sort in small groups of short keys instead of one big sort.
 * `sortedByRule` holds runs already in id order (event-links.ts), left as they are.
 */
export function linksInIdOrder(links: Map<string, Map<string, SourceLinks>>, sortedByRule: Map<string, LinkRun> = new Map()): ChainedLinks {
  const runs: LinkRun[] = [];
  let out: Link[] = [];
  const rules = groupOrder([...links.keys(), ...sortedByRule.keys()], ':');
  if (!rules) {
    for (const byFrom of links.values()) for (const at of byFrom.values()) pushAll(out, at);
    for (const run of sortedByRule.values()) for (const l of new ChainedLinks([run])) out.push(l);
    return new ChainedLinks([out.sort(byId)]);
  }
  for (const rule of rules) {
    const sorted = sortedByRule.get(rule);
    if (sorted) {
      if (out.length) runs.push(out);
      out = [];
      runs.push(sorted);
      continue;
    }
    const byFrom = links.get(rule)!;
    const froms = groupOrder(byFrom.keys(), '->');
    if (!froms) {
      const group: Link[] = [];
      for (const at of byFrom.values()) pushAll(group, at);
      for (const l of group.sort(byId)) out.push(l);
      continue;
    }
    for (const from of froms) {
      const at = byFrom.get(from)!;
      // Within one rule and source the ids differ only after the shared prefix: key order is id order.
      if (!(at instanceof Map)) out.push(at);
      else if (at.size === 1) for (const l of at.values()) out.push(l);
      else for (const k of [...at.keys()].sort()) out.push(at.get(k)!);
    }
  }
  if (out.length) runs.push(out);
  return new ChainedLinks(runs);
}

function pushAll(out: Link[], at: SourceLinks): void {
  if (at instanceof Map) for (const l of at.values()) out.push(l);
  else out.push(at);
}
