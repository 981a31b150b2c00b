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
  // for…in, not Object.entries: no [key, value] array per field (this runs once per event).
  for (const k in ids) {
    const v = (ids as Record<string, unknown>)[k];
    if (!isEmptyId(v)) out[k] = v;
  }
  return out as EventIds;
}

function isEmptyId(v: unknown): boolean {
  if (v === undefined || v === '') return true;
  if (typeof v === 'number') return !Number.isFinite(v);
  return Array.isArray(v) && v.length === 0;
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
  // Most lines hold no credential: nothing to merge, so no copy of `ids` (hot path).
  const ev: EventDraft = { time, kind, ids: line.secrets.length === 0 ? cleanIds(ids) : withLineCredentials(line, ids), text: line.text, src: { line: line.line } };
  if (summary) ev.summary = summary;
  if (severity) ev.severity = severity;
  return ev;
}

/**
 * makeEvent for a line without credentials whose `ids` are clean already (no undefined, empty-string
 * or non-finite field, what cleanIds keeps): the same event without the cleaning copy. A parser
 * that builds its ids field by field this way passes lines with credentials to makeEvent instead.
 */
export function cleanEvent(line: RedactedLine, kind: EventKind, time: EventTime, ids: EventIds, summary?: string, severity?: Severity): EventDraft {
  const ev: EventDraft = { time, kind, ids, text: line.text, src: { line: line.line } };
  if (summary) ev.summary = summary;
  if (severity) ev.severity = severity;
  return ev;
}

/** `ids` plus the fingerprints and identity claims of the credentials found in `line`, cleaned. */
function withLineCredentials(line: RedactedLine, ids: EventIds): EventIds {
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
  return cleanIds(merged);
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
