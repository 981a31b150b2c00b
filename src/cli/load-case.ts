import { readFile } from 'node:fs/promises';
import type { Case } from '../model/case';
import { validateCaseNode } from './validate-case-node';
import { CliExit } from './io';

/** Reads and validates a case JSON file; exits 1 with the reason when it is not one. */
export async function loadCaseFile(path: string): Promise<Case> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliExit(1, `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CliExit(1, `${path} is not JSON: ${(e as Error).message}`);
  }
  const v = validateCaseNode(doc);
  if (!v.valid) throw new CliExit(1, `${path} is not a tokentrail.case/v1 document:\n  ${v.errors.join('\n  ')}`);
  return doc as Case;
}
