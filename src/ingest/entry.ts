/** What the ingestion steps hand each other. */

/** One file or archive member on its way in. */
export interface Entry {
  path: string;
  parent?: string;
  stream: ReadableStream<Uint8Array>;
  mtimeMs?: number;
  depth: number;
  /** For members: declared size, to notice a short (truncated) body. */
  declaredSize?: number;
}

export function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Thrown inside to stop everything when the total-bytes limit is reached. */
export class TotalLimit extends Error {}
