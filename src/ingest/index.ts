/** Ingestion: input sources → containers → lines → redactor → parsers → events. */
export type { IngestOptions, IngestProgress, IngestResult } from './ingest';
export { ingest } from './ingest';
export type { IncrementalHash } from './hash';
export { nobleSha256 } from './hash';
export type { IngestLimits } from './limits';
export { DEFAULT_LIMITS, lineCutMarker } from './limits';
export { memberPath, safeMemberName, sniffName } from './names';
export type { InputSource } from './source';
export { blobSource, bytesSource } from './source';
export { chooseParser, SNIFF_LINES } from './text-input';
export type { CaseBuildSettings } from './build-case';
export { buildCase, caseId } from './build-case';
