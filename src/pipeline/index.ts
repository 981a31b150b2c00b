/**
 * The whole analysis in one call, for shells that hold their inputs in memory (the training
 * worker, small drops): ingest (redact → parse) → case → correlation, findings and policy
 * judgement. The CLI's `analyze` runs the same steps with streaming output.
 */
import { analyzeCase } from '../correlate/analyze-case';
import { buildCase } from '../ingest/build-case';
import { type IngestProgress, ingest } from '../ingest/ingest';
import type { InputSource } from '../ingest/source';
import type { Case } from '../model/case';
import type { TgEvent } from '../model/event';
import { genericParser } from '../parsers/generic/index';
import { PARSERS } from '../parsers/registry';
import { createLineRedactor } from '../redact/line-redactor';
import { judgeToken } from '../tokens/judge';

export interface AnalyzeSourcesOptions {
  name: string;
  tz?: string;
  /** Year for year-less dates in every input (default: each input's file time, see ingest). */
  year?: number;
  onProgress?: (p: IngestProgress) => void;
  signal?: AbortSignal;
}

export async function analyzeSources(sources: InputSource[], opts: AnalyzeSourcesOptions): Promise<Case> {
  const events: TgEvent[] = [];
  const tz = opts.tz ?? 'UTC';
  const result = await ingest(sources, {
    redactor: createLineRedactor({ profile: 'csirt' }),
    parsers: PARSERS,
    fallback: genericParser,
    tz,
    year: opts.year,
    onEvents: (batch) => {
      for (const e of batch) events.push(e);
    },
    onProgress: opts.onProgress,
    signal: opts.signal,
  });
  const built = await buildCase(result, events, { name: opts.name, tz });
  return analyzeCase(built, { judge: (info) => judgeToken(info, { clockToleranceMs: built.settings.clockToleranceMs, overrides: built.settings.policy }) });
}
