/** Writes a case JSON file in the layout of `caseJsonChunks` (src/model/case-json.ts), chunk by chunk. */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Case } from '../model/case';
import { caseJsonChunks } from '../model/case-json';

export async function writeCaseFile(c: Case, path: string): Promise<void> {
  const fd = openSync(path, 'w');
  try {
    for (const chunk of caseJsonChunks(c)) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}
