import type { RedactionProfile } from '../model/redaction';
import type { Tlp } from './options';

/** A line of evidence as a report shows it (`text` is empty in `public`). */
export interface ReportEvidence {
  input: string;
  line: number;
  text: string;
}

export interface ReportEvent extends ReportEvidence {
  time: string;
  assumed: string;
  kind: string;
  summary: string;
  starred: boolean;
}

export interface ReportToken {
  fp16: string;
  kind: string;
  iss: string;
  sub: string;
  aud: string[];
  scopes: string[];
  jti: string;
  iat: string;
  exp: string;
  lifetime: string;
  redacted: string;
  claims: Record<string, string>;
  findings: string[];
}

export interface ReportCandidate {
  vo: string;
  jobIds: string[];
  pilotIds: string[];
  payloadIds: string[];
  users: string[];
  ips: string[];
  tokens: string[];
  confidence: string;
  reason: string;
  evidence: ReportEvidence[];
}

export interface ReportAnswer {
  question: string;
  explanation: string;
  ambiguous: boolean;
  gaps: string[];
  clockTolerance: string;
  candidates: ReportCandidate[];
}

export interface ReportFinding {
  id: string;
  severity: string;
  title: string;
  explanation: string;
  source: string;
  evidence: ReportEvidence[];
  containment: string[];
}

/** What the chosen profile keeps, pseudonymises and drops ("what will be shared"). */
export interface SharingSummary {
  kept: string[];
  pseudonymised: string[];
  dropped: string[];
}

/** Everything a report may say, already filtered for its audience. */
export interface ReportData {
  title: string;
  caseName: string;
  caseId: string;
  generatedAt: string;
  tlp: Tlp;
  profile: RedactionProfile;
  vo: string;
  analyst: string;
  site: string;
  tool: string;
  summary: { what: string; from: string; to: string; impact: string[] };
  keyEvents: ReportEvent[];
  tokens: ReportToken[];
  affected: { users: string[]; pilots: string[]; payloads: string[]; hosts: string[]; ips: string[] };
  answers: ReportAnswer[];
  findings: ReportFinding[];
  /** IPs that misuse findings name (indicators); pseudonymised in `public`. */
  attackerIps: string[];
  containment: string[];
  recommendations: string[];
  appendix: {
    inputs: { path: string; size: number; sha256: string; parser: string; tz: string }[];
    clockTolerance: string;
    timezone: string;
    tzAssumptions: string[];
    redaction: string[];
    problems: number;
  };
  sharing: SharingSummary;
}
