/**
 * Whole-timeline exports: CSV and Timesketch JSONL. Every event of the case, through the
 * profile's scrubber; `public` carries summaries, never raw lines.
 */
import type { Case } from '../model/case';
import type { TgEvent } from '../model/event';
import type { RedactionProfile } from '../model/redaction';

const ID_COLUMNS = ['host', 'ip', 'user', 'sub', 'iss', 'jti', 'vo', 'ceJobId', 'batchJobId', 'globalJobId', 'pilotId', 'payloadId', 'endpoint', 'op'] as const;

const TIMESTAMP_DESC: Partial<Record<TgEvent['kind'], string>> = {
  'token.issue': 'Token Issued',
  'token.refresh': 'Token Refreshed',
  'token.use': 'Token Used',
  'token.reject': 'Token Rejected',
  'token.exposure': 'Token Exposed',
  'job.submit': 'Job Submitted',
  'job.start': 'Job Started',
  'job.end': 'Job Ended',
  'pilot.start': 'Pilot Started',
  'pilot.end': 'Pilot Ended',
  'payload.start': 'Payload Started',
  'payload.end': 'Payload Ended',
  'storage.access': 'Storage Access',
  transfer: 'Transfer',
};

function summaryOf(e: TgEvent): string {
  if (e.summary) return e.summary;
  const parts: string[] = [e.kind];
  for (const k of ID_COLUMNS) if (e.ids[k] !== undefined) parts.push(`${k}=${e.ids[k]}`);
  return parts.join(' ');
}

/** RFC 4180 field quoting. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function sorted(c: Case): TgEvent[] {
  return [...c.events].sort((a, b) => a.time.ts - b.time.ts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function renderCsv(c: Case, scrub: (s: string) => string, profile: RedactionProfile): string {
  const header = ['time_utc', 'time_original', 'time_assumed', 'kind', 'summary', ...ID_COLUMNS, 'token_fps', 'input', 'line', 'event_id', ...(profile === 'public' ? [] : ['text'])];
  const rows = [header.join(',')];
  for (const e of sorted(c)) {
    const cells = [
      new Date(e.time.ts).toISOString(),
      e.time.text,
      e.time.assumed ?? '',
      e.kind,
      summaryOf(e),
      ...ID_COLUMNS.map((k) => String(e.ids[k] ?? '')),
      (e.ids.tokenFps ?? []).map((f) => f.slice(0, 16)).join(' '),
      e.src.input,
      String(e.src.line),
      e.id,
      ...(profile === 'public' ? [] : [e.text]),
    ];
    rows.push(cells.map((x) => csvField(scrub(x))).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** Timesketch JSONL: message, datetime (ISO 8601 with offset), timestamp_desc, plus our fields. */
export function renderTimesketch(c: Case, scrub: (s: string) => string, profile: RedactionProfile): string {
  const out: string[] = [];
  for (const e of sorted(c)) {
    const rec: Record<string, string | number> = {
      message: scrub(profile === 'public' ? summaryOf(e) : `${summaryOf(e)} | ${e.text}`),
      datetime: new Date(e.time.ts).toISOString().replace('Z', '+00:00'),
      timestamp: e.time.ts * 1000,
      timestamp_desc: TIMESTAMP_DESC[e.kind] ?? 'Event Recorded',
      data_type: `tokentrail:${e.kind}`,
      tt_kind: e.kind,
      tt_event_id: e.id,
      tt_input: scrub(e.src.input),
      tt_line: e.src.line,
      tt_parser: e.src.parser,
    };
    if (e.time.assumed) rec.tt_time_assumed = e.time.assumed;
    for (const k of ID_COLUMNS) if (e.ids[k] !== undefined) rec[`tt_${k}`] = scrub(String(e.ids[k]));
    if (e.ids.tokenFps?.length) rec.tt_token_fps = e.ids.tokenFps.map((f) => f.slice(0, 16)).join(' ');
    out.push(JSON.stringify(rec));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
