/**
 * The answer key of a generated scenario (`<out>/answers.json`, outside the analysed bundle).
 * Each traceability question carries the exact query a trainee (or a test) runs with
 * `tokentrail trace`, and the expected answer; the key also lists the compromised tokens (by
 * fingerprint and jti, never the token itself), the attacker's addresses, who and what was
 * affected, the findings an analysis should raise, containment steps, and what difficulty
 * removed from the bundle (expected gaps).
 */
import type { TraceArgs } from '../model/trace';
import type { Difficulty } from './world';

export const ANSWERS_FORMAT = 'tokentrail.answers/v1';

/** A trace query as CLI arguments: times are ISO 8601 UTC. */
export type AnswerQuery = Pick<TraceArgs, 'at' | 'until' | 'ip' | 'activity' | 'job' | 'user' | 'vo'>;

export interface ExpectedAnswer {
  vos?: string[];
  /** Job ids: the routed (batch) job's GlobalJobId of each pilot. */
  jobIds?: string[];
  pilotIds?: string[];
  payloadIds?: string[];
  users?: string[];
  ips?: string[];
  /** True when the honest answer is "several candidates, cannot tell". */
  ambiguous: boolean;
}

export interface QuestionAnswer {
  id: 'S1' | 'S2' | 'S3' | 'V1' | 'V2' | 'V3';
  question: string;
  query: AnswerQuery;
  expected: ExpectedAnswer;
  note?: string;
}

/** Where a fact can be read: bundle-relative path and 1-based line number. */
export interface EvidenceRef {
  file: string;
  line: number;
}

export interface AnswerToken {
  /** SHA-256 hex of the exact compact token. */
  fingerprint: string;
  jti: string;
  iss: string;
  sub: string;
  user: string;
  kind: 'access' | 'refresh';
  why: string;
  /** Lines where the full token is exposed (leak evidence). */
  exposedIn: EvidenceRef[];
  /** Access tokens minted with this (refresh) token by the attacker: jti only, never in the bundle. */
  mintedJtis?: string[];
}

export interface AnswerPilot {
  pilotId: string;
  ceJobId: string;
  batchJobId: string;
  globalJobId: string;
  host: string;
  ip: string;
  slot: string;
  factory: string;
}

export interface AnswerPayload {
  payloadId: string;
  user: string;
  pilotId: string;
  start: string;
  end: string;
}

export interface ScenarioAnswers {
  format: typeof ANSWERS_FORMAT;
  scenario: string;
  seed: number;
  sizeBytes: number;
  difficulty: Difficulty;
  description: string;
  /** The analysed tree, relative to the answers file. */
  bundleDir: 'bundle';
  window: { from: string; to: string };
  incident: { summary: string; from?: string; to?: string };
  questions: QuestionAnswer[];
  compromisedTokens: AnswerToken[];
  /** Tokens that are not stolen but break policy (e.g. too long-lived). */
  flaggedTokens: AnswerToken[];
  attackerIps: string[];
  affectedUsers: string[];
  affectedPilots: AnswerPilot[];
  affectedPayloads: AnswerPayload[];
  /** Finding rule ids an analysis must raise (e.g. `misuse.foreign-ip`). */
  expectedFindings: string[];
  /** True when no high-severity finding is expected (the benign scenario). */
  noHighSeverity: boolean;
  containment: string[];
  /** Sources removed by the difficulty level: the trainee's expected gaps. */
  droppedSources: Array<{ path: string; reason: string }>;
  /** Per-host clock error (ms, host clock minus true time) and timezone conventions. */
  clockSkewMs: Record<string, number>;
  timezones: Record<string, string>;
  /** Every pilot and payload of the cast, for reference. */
  cast: { pilots: AnswerPilot[]; payloads: AnswerPayload[] };
}
