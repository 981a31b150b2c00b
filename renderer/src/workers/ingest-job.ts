/**
 * The ingestion job a worker runs: files → src/ingest (redact, parse) → events into the case's
 * pages in batches → inputs, problems, tokens → correlation and findings over the stored events.
 * Plain async function over a CaseStore, so it runs in the worker and in unit tests alike.
 */
import { analyzeCase } from '../../../src/correlate';
import { ingest } from '../../../src/ingest';
import type { Case, InputRecord, Problem, TgEvent } from '../../../src/model';
import { genericParser } from '../../../src/parsers/generic/index';
import { PARSERS } from '../../../src/parsers/registry';
import { createLineRedactor } from '../../../src/redact';
import { judgeToken } from '../../../src/tokens';
import type { CaseStore } from '../store/case-store';
import { PAGE_SIZE } from '../store/event-pages';

export interface IngestFile {
  /** Path as shown (folder-relative for folders). */
  path: string;
  file: Blob;
  mtimeMs?: number;
}

export interface IngestRequest {
  caseId: string;
  files: IngestFile[];
  /** Default zone for zone-less times. */
  tz: string;
  /** Per-input zone overrides (display path → IANA zone). */
  tzFor?: Record<string, string>;
}

export interface IngestJobProgress {
  /** Top-level file being read. */
  input: string;
  bytesRead: number;
  bytesTotal: number;
  events: number;
  inputsDone: number;
  phase: 'reading' | 'analysing';
}

export interface IngestJobResult {
  events: number;
  inputs: InputRecord[];
  problems: Problem[];
  findings: number;
}

/** Runs one import into `caseId`. Events already stored stay when cancelled mid-way. */
export async function runIngestJob(store: CaseStore, req: IngestRequest, ctx: { signal: AbortSignal; progress(p: IngestJobProgress): void }): Promise<IngestJobResult> {
  const redactor = createLineRedactor();
  let pending: TgEvent[] = [];
  let events = 0;
  let last = 0;
  const flush = async () => {
    if (!pending.length) return;
    const b = pending;
    pending = [];
    await store.putEventBatch(req.caseId, b);
  };
  const result = await ingest(
    req.files.map((f) => ({ name: f.path, size: f.file.size, mtimeMs: f.mtimeMs, stream: () => f.file.stream() as ReadableStream<Uint8Array> })),
    {
      redactor,
      parsers: PARSERS,
      fallback: genericParser,
      tz: req.tz,
      tzFor: (p) => req.tzFor?.[p] ?? req.tzFor?.[p.split('!')[0] ?? p],
      signal: ctx.signal,
      onEvents: async (batch) => {
        for (const e of batch) pending.push(e);
        events += batch.length;
        // Whole pages at a time: no partial page is read back and rewritten.
        if (pending.length >= PAGE_SIZE * 2) await flush();
      },
      onProgress: (p) => {
        const now = Date.now();
        if (now - last < 100) return;
        last = now;
        ctx.progress({ ...p, phase: 'reading' });
      },
    },
  );
  await flush();
  ctx.progress({ input: '', bytesRead: result.bytes, bytesTotal: result.bytes, events, inputsDone: req.files.length, phase: 'analysing' });
  await store.finalize(req.caseId);
  await store.putInputs(req.caseId, result.inputs);
  await store.putProblems(req.caseId, result.problems);
  const known = new Map((await store.getTokens(req.caseId)).map((t) => [t.fp, t]));
  for (const t of result.tokens) known.set(t.fp, t);
  await store.putTokens(req.caseId, [...known.values()]);
  const row = await store.getCase(req.caseId);
  if (!row) throw new Error(`case ${req.caseId} was deleted during the import`);
  const redaction = { ...row.redaction };
  for (const [k, n] of Object.entries(result.redaction)) redaction[k as keyof typeof redaction] = (redaction[k as keyof typeof redaction] ?? 0) + (n ?? 0);
  await store.db.cases.update(req.caseId, { redaction });

  // Correlation and findings over the whole case (all imports so far).
  const doc: Case = await store.exportCaseJson(req.caseId);
  const analysed = analyzeCase(doc, { judge: (t) => judgeToken(t, { clockToleranceMs: doc.settings.clockToleranceMs }) });
  await store.replaceAnalysis(req.caseId, analysed);
  return { events, inputs: result.inputs, problems: result.problems, findings: analysed.findings.length };
}
