/**
 * Building EventDrafts from redacted lines: every parser sets text, line and credential
 * fingerprints the same way, so correlation can rely on them.
 */
import type { EventDraft, EventKind } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { RedactedLine } from '../../model/redaction';
import type { Severity } from '../../model/severity';
import type { EventTime } from '../../model/time';

/** Fingerprints of the credentials the redactor found in `line` (unique, in order). */
export function lineTokenFps(line: RedactedLine): string[] {
  return [...new Set(line.secrets.map((s) => s.token.fp))];
}

/** Drops undefined / empty-string fields so events stay small and comparable. */
export function cleanIds(ids: EventIds): EventIds {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ids)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (typeof v === 'number' && !Number.isFinite(v)) continue;
    out[k] = v;
  }
  return out as EventIds;
}

/** One event for `line`: the redacted text, the line number, the line's credential fingerprints. */
export function makeEvent(
  line: RedactedLine,
  kind: EventKind,
  time: EventTime,
  ids: EventIds,
  summary?: string,
  severity?: Severity,
): EventDraft {
  const fps = lineTokenFps(line);
  const merged: EventIds = { ...ids };
  if (fps.length) merged.tokenFps = [...new Set([...(ids.tokenFps ?? []), ...fps])];
  // Identity claims of a credential found in the line fill gaps the line text left open.
  const tok = line.secrets[0]?.token;
  if (tok) {
    merged.sub ??= tok.sub;
    merged.iss ??= tok.iss;
    merged.jti ??= tok.jti;
  }
  const ev: EventDraft = { time, kind, ids: cleanIds(merged), text: line.text, src: { line: line.line } };
  if (summary) ev.summary = summary;
  if (severity) ev.severity = severity;
  return ev;
}

/** True when the redactor found a credential in this line (a real exposure, not an upstream `REDACTED`). */
export function hasSecret(line: RedactedLine): boolean {
  return line.secrets.length > 0;
}

/** The `token.exposure` event for a line that held credentials. */
export function exposureEvent(line: RedactedLine, time: EventTime, ids: EventIds, where: string): EventDraft {
  const kinds = [...new Set(line.secrets.map((s) => s.token.kind))].join(', ');
  return makeEvent(line, 'token.exposure', time, ids, `credential (${kinds}) written in ${where}`, 'high');
}
