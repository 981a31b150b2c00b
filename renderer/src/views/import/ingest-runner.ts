/**
 * Runs ingestion of picked files into a case on the ingestion worker and keeps one progress row
 * per top-level input (bytes, events, timing; problems when done).
 */
import type { Problem } from '../../../../src/model';
import { WorkerClient } from '../../workers/client';
import type { IngestJobProgress, IngestJobResult, IngestRequest } from '../../workers/ingest-job';
import { JobCancelled } from '../../workers/protocol';
import type { PickedFile } from './ImportPanel';
import { itemsAfterProgress, type ProgressState } from './progress-items';

/** One top-level input being imported. */
export interface IngestItem {
  path: string;
  size: number;
  bytesRead: number;
  events: number;
  /** ms since epoch when reading started / ended. */
  startedAt?: number;
  endedAt?: number;
  status: 'queued' | 'reading' | 'analysing' | 'done' | 'cancelled' | 'error';
  message?: string;
  problems: Problem[];
}

export const ingestionAvailable = true;

/**
 * The files read in this session, per case and top-level path, so an input can be read again
 * (another time zone) without picking it again. Memory only: after a reload, pick it again.
 */
const sessionFiles = new Map<string, Map<string, PickedFile>>();

export function sessionFile(caseId: string, path: string): PickedFile | undefined {
  return sessionFiles.get(caseId)?.get(path);
}

let client: WorkerClient<IngestRequest, IngestJobProgress, IngestJobResult> | undefined;
function worker() {
  client ??= new WorkerClient(new Worker(new URL('../../workers/ingest.worker.ts', import.meta.url), { type: 'module', name: 'ingest' }));
  return client;
}

/** Problems belong to the top-level input they name (archive members as `outer!/inner`). */
const topOf = (input: string, items: IngestItem[]) => items.find((i) => input === i.path || input.startsWith(`${i.path}!`) || input.startsWith(`${i.path}/`));

export function runIngest(
  caseId: string,
  files: PickedFile[],
  onItems: (items: IngestItem[]) => void,
  onChanged: () => void,
  opts: { tz?: string; tzFor?: Record<string, string> } = {},
): { done: Promise<IngestJobResult | null>; cancel(): void } {
  const kept = sessionFiles.get(caseId) ?? new Map<string, PickedFile>();
  sessionFiles.set(caseId, kept);
  for (const f of files) kept.set(f.path, f);
  let items: IngestItem[] = files.map((f) => ({ path: f.path, size: f.file.size, bytesRead: 0, events: 0, status: 'queued', problems: [] }));
  const started = Date.now();
  const progress: ProgressState = { offsets: new Map(), lastEvents: 0, lastAt: started };
  let acc = 0;
  for (const i of items) {
    progress.offsets.set(i.path, acc);
    acc += i.size;
  }
  const set = (next: IngestItem[]) => {
    items = next;
    onItems(items);
  };
  set(items);
  let lastRefresh = 0;
  const job = worker().run(
    { caseId, tz: opts.tz ?? 'UTC', tzFor: opts.tzFor, files: files.map((f) => ({ path: f.path, file: f.file, mtimeMs: f.mtimeMs === null ? undefined : (f.mtimeMs ?? f.file.lastModified) })) },
    (p) => {
      const now = Date.now();
      set(itemsAfterProgress(items, p, progress, now));
      // Let the timeline show what is stored so far, a few times a second at most.
      if (now - lastRefresh > 1000) {
        lastRefresh = now;
        onChanged();
      }
    },
  );
  const done = job.result
    .then((r) => {
      const end = Date.now();
      set(
        items.map((i) => {
          const mine = r.inputs.filter((x) => topOf(x.path, [i]));
          return {
            ...i,
            bytesRead: i.size,
            events: mine.reduce((a, x) => a + x.events, 0),
            status: 'done',
            startedAt: i.startedAt ?? started,
            endedAt: i.endedAt ?? end,
            problems: r.problems.filter((p) => topOf(p.input, [i])),
          };
        }),
      );
      return r;
    })
    .catch((e: unknown) => {
      const cancelled = e instanceof JobCancelled;
      set(items.map((i) => (i.status === 'done' ? i : { ...i, status: cancelled ? 'cancelled' : 'error', message: cancelled ? 'cancelled; events read so far are kept' : String(e instanceof Error ? e.message : e) })));
      return null;
    });
  return { done, cancel: job.cancel };
}
