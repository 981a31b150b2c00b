/**
 * Runs ingestion of picked files into a case and reports per-input progress.
 * The ingestion core (src/ingest) is not part of this build yet: until it is, log files are
 * refused with a message rather than pretended to be read.
 */
import type { Problem } from '../../../../src/model';
import type { PickedFile } from './ImportPanel';

/** One top-level input being imported. */
export interface IngestItem {
  path: string;
  size: number;
  bytesRead: number;
  events: number;
  /** ms since epoch when reading started / ended. */
  startedAt?: number;
  endedAt?: number;
  status: 'queued' | 'reading' | 'done' | 'cancelled' | 'error';
  message?: string;
  problems: Problem[];
}

export const ingestionAvailable = false;

export function runIngest(
  _caseId: string,
  _files: PickedFile[],
  _onItems: (items: IngestItem[]) => void,
  _onChanged: () => void,
): { done: Promise<void>; cancel(): void } {
  throw new Error('ingestion is not part of this build yet');
}
