/**
 * From an ingestion result to the `tokentrail.case/v1` document. The one place where the analysis
 * steps join: correlation (entities, links) and findings are to be filled in here.
 */
import { CASE_FORMAT, type Case, DEFAULT_SETTINGS } from '../model/case';
import type { TgEvent } from '../model/event';
import { sha256Hex } from '../model/ids-hash';
import type { RedactionProfile } from '../model/redaction';
import { TOOL_VERSION } from '../model/version';
import type { IngestResult } from './ingest';

export interface CaseBuildSettings {
  name: string;
  tz: string;
  profile?: RedactionProfile;
  clockToleranceMs?: number;
  /** Only when asked for: the one non-deterministic field. */
  createdAt?: string;
}

/** Deterministic case id: hash of the inputs' paths and hashes, in order. */
export async function caseId(result: Pick<IngestResult, 'inputs'>): Promise<string> {
  const basis = result.inputs.map((i) => `${i.path}\n${i.sha256}`).join('\n');
  return `case-${(await sha256Hex(basis)).slice(0, 16)}`;
}

/** Builds the case. `events` are the batches ingestion delivered, in order. */
export async function buildCase(result: IngestResult, events: TgEvent[], s: CaseBuildSettings): Promise<Case> {
  const c: Case = {
    format: CASE_FORMAT,
    id: await caseId(result),
    name: s.name,
    tool: { name: 'tokentrail', version: TOOL_VERSION },
    settings: { tz: s.tz, clockToleranceMs: s.clockToleranceMs ?? DEFAULT_SETTINGS.clockToleranceMs },
    profile: s.profile ?? 'csirt',
    inputs: result.inputs,
    events,
    // Tokens sorted by fingerprint: the redactor's discovery order is deterministic too, but
    // sorting keeps the case stable if ingestion order ever becomes parallel.
    tokens: [...result.tokens].sort((a, b) => (a.fp < b.fp ? -1 : a.fp > b.fp ? 1 : 0)),
    // Filled by correlation and findings (other issues) when they are wired in here.
    entities: [],
    links: [],
    findings: [],
    problems: result.problems,
    redaction: result.redaction,
  };
  if (s.createdAt) {
    // Keep createdAt right after name, where readers expect it.
    const { format, id, name, ...rest } = c;
    return { format, id, name, createdAt: s.createdAt, ...rest };
  }
  return c;
}
