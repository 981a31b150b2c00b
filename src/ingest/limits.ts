/** Limits against hostile bundles. Every limit that is hit leaves a Problem record. */
export interface IngestLimits {
  /** Total bytes of decompressed content read over the whole ingestion. */
  maxTotalBytes: number;
  /** Decompressed/compressed ratio above which a gzip stream or zip member is abandoned. */
  maxRatio: number;
  /** The ratio is only judged after this many decompressed bytes (small files compress well). */
  ratioGraceBytes: number;
  /** Members per archive. */
  maxEntries: number;
  /** Container layers (gzip, tar, zip) around a file. `a.tar.gz` is two. */
  maxDepth: number;
  /** Line length in UTF-16 code units (≈ bytes for ASCII); longer lines are cut with a marker. */
  maxLineLength: number;
  /** Problem records of one code per input before they are summarised in one record. */
  maxProblemsPerCode: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxTotalBytes: 64 * 1024 ** 3,
  maxRatio: 200,
  ratioGraceBytes: 4 * 1024 ** 2,
  maxEntries: 100_000,
  maxDepth: 6,
  maxLineLength: 1024 ** 2,
  maxProblemsPerCode: 20,
};

/** The marker appended to a line cut at the length limit. */
export function lineCutMarker(limit: number): string {
  const mib = limit / 1024 ** 2;
  return ` …[line cut at ${Number.isInteger(mib) ? `${mib} MiB` : `${limit} characters`}]`;
}
