/** The kinds of thing the graph links. */
export const ENTITY_KINDS = ['token', 'identity', 'vo', 'pilot', 'payload', 'host', 'ip', 'endpoint'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** A node of the entity graph. */
export interface Entity {
  /** Deterministic id `<kind>:<key>`, e.g. `ip:203.0.113.7`, `token:3f9a1c0d2b7e4a61…`. */
  id: string;
  kind: EntityKind;
  /** The natural key (fingerprint, iss+sub, pilot id, host name, IP...). */
  key: string;
  /** What the analyst reads. */
  label: string;
  attrs: Record<string, string | number | boolean | string[]>;
  /** UTC ms of first and last event naming it. */
  firstSeen?: number;
  lastSeen?: number;
  /** Ids of events naming it (capped; `eventCount` is the true number). */
  events: string[];
  eventCount: number;
}

export type Confidence = 'certain' | 'inferred';

/** An edge with the evidence that made it. */
export interface Link {
  id: string;
  from: string;
  to: string;
  /** The correlation rule id, e.g. `audit.cid-submit`, `time-overlap.host`. */
  rule: string;
  confidence: Confidence;
  /** Why, in words; required when `inferred`. */
  reason?: string;
  /** Event ids supporting the link. */
  evidence: string[];
  /** Interval over which the link holds (UTC ms), e.g. IP↔host, pilot↔payload. */
  from_ts?: number;
  to_ts?: number;
}

/**
 * A case's links in id order: a plain array (a case read from JSON or the app's store), or
 * correlation's link table, which makes each `Link` as it is read. A big case has a million links
 * that only a writer or a view reads, each once: kept as rows of numbers, they cost no objects to
 * build, retain or collect (src/correlate/link-list.ts). `toJSON` gives the array, so a case
 * serialises the same either way; code that needs an array writes `Array.from(links)`.
 */
export interface LinkList extends Iterable<Link> {
  readonly length: number;
}

