/**
 * Per-input progress rows from the ingestion worker's progress reports, which count bytes and
 * events over all inputs in order. Each input's rate covers its own reading time only: from the
 * report before it was first seen (a small file can start and finish between two reports) to the
 * report that saw it finished, never the case's analysis that follows the reading.
 */
import type { IngestJobProgress } from '../../workers/ingest-job';
import type { IngestItem } from './ingest-runner';

export interface ProgressState {
  /** Byte offset of each input in the worker's running count. */
  offsets: Map<string, number>;
  /** Events counted at the previous report, and its time (ms). */
  lastEvents: number;
  lastAt: number;
}

export function itemsAfterProgress(items: IngestItem[], p: IngestJobProgress, st: ProgressState, now: number): IngestItem[] {
  const next = items.map((i): IngestItem => {
    const off = st.offsets.get(i.path) ?? 0;
    const read = Math.max(0, Math.min(i.size, p.bytesRead - off));
    const active = i.path === p.input || p.input.startsWith(`${i.path}!`);
    const status: IngestItem['status'] = p.phase === 'analysing' ? 'analysing' : read >= i.size && !active ? 'done' : read > 0 || active ? 'reading' : 'queued';
    const events = active ? i.events + (p.events - st.lastEvents) : i.events;
    const finished = status === 'done' || status === 'analysing';
    return {
      ...i,
      bytesRead: read,
      events,
      status,
      startedAt: i.startedAt ?? (status !== 'queued' ? st.lastAt : undefined),
      endedAt: i.endedAt ?? (finished ? now : undefined),
    };
  });
  st.lastEvents = p.events;
  st.lastAt = now;
  return next;
}

/** Events per second over an input's reading time, and the seconds left while it is read. */
export function itemRate(i: IngestItem, now: number): { eps: number; eta?: number } {
  if (!i.startedAt) return { eps: 0 };
  const s = ((i.endedAt ?? now) - i.startedAt) / 1000;
  const eps = s > 0 ? i.events / s : 0;
  const bps = s > 0 ? i.bytesRead / s : 0;
  const eta = i.status === 'reading' && bps > 0 ? (i.size - i.bytesRead) / bps : undefined;
  return { eps, eta };
}
