import type { Confidence } from './entity';
import type { Evidence } from './finding';

/** The six traceability questions (DESIGN.md) plus the token story. */
export type QuestionId = 'S1' | 'S2' | 'S3' | 'V1' | 'V2' | 'V3' | 'token';

/** A trace query as `tokentrail trace` takes it (and answer keys record it): times as ISO 8601 text, the window as a duration (`30m`). */
export interface TraceArgs {
  at?: string;
  until?: string;
  ip?: string;
  activity?: string;
  job?: string;
  user?: string;
  vo?: string;
  /** Token fingerprint (prefix) or jti. */
  token?: string;
  window?: string;
}

/** What the analyst asked, times parsed; the question follows from which fields are set. */
export interface TraceQuery extends Omit<TraceArgs, 'at' | 'until' | 'window'> {
  /** UTC ms */
  at?: number;
  until?: number;
  /** Half-width of the time window around `at`, ms. */
  windowMs?: number;
}

/** One possible answer with its evidence. */
export interface TraceCandidate {
  vo?: string;
  jobIds: string[];
  pilotIds: string[];
  payloadIds: string[];
  users: string[];
  ips: string[];
  /** Token fingerprints (first 16 hex shown) or jtis. */
  tokens: string[];
  hosts: string[];
  confidence: Confidence;
  reason?: string;
  evidence: Evidence[];
}

/** The answer to one question: candidates, and honesty about ambiguity and gaps. */
export interface TraceAnswer {
  question: QuestionId;
  query: TraceQuery;
  candidates: TraceCandidate[];
  /** True when more than one candidate fits and nothing in the evidence singles one out. */
  ambiguous: boolean;
  /** What the evidence does not cover (missing logs, unmapped IPs, time gaps). */
  gaps: string[];
  /** The answer in words. */
  explanation: string;
  clockToleranceMs: number;
}
