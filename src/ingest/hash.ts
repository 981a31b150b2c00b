import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from '../model/ids-hash';

/** An incremental SHA-256 (crypto.subtle has no streaming digest). */
export interface IncrementalHash {
  update(chunk: Uint8Array): void;
  /** Hex digest. */
  digest(): string;
}

/**
 * Portable default: @noble/hashes (pure JS, runs in Workers; ~75 MB/s here). The CLI passes a
 * native one (node:crypto) through `IngestOptions.createHash`, which is ~20× faster.
 */
export function nobleSha256(): IncrementalHash {
  const h = sha256.create();
  return {
    update: (c) => {
      h.update(c);
    },
    digest: () => toHex(h.digest()),
  };
}
