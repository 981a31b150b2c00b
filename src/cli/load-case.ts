/**
 * Reading a case JSON file. A large case does not fit in one V8 string (~512 MiB), so a file in the
 * layout writeCaseFile produces (src/model/case-json.ts: a line ending with `"events":[`, `"entities":[` or `"links":[`
 * opens that list, one item per line follows, a line starting with `]` goes on with the document)
 * is read line by line; any other JSON is read whole. Either way the result is validated against
 * the schema. Files from before entities and links were streamed (events only) read the same way.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Case } from '../model/case';
import { CliExit } from './io';
import { validateCaseNode } from './validate-case-node';
import { STREAMED_LISTS } from '../model/case-json';

type ListName = (typeof STREAMED_LISTS)[number];

/** The list a document line opens at its end, if any. */
function opensList(line: string): ListName | undefined {
  return STREAMED_LISTS.find((k) => line.endsWith(`"${k}":[`));
}

/** Files below this size are read whole even when they are in the streamed layout. */
export const WHOLE_READ_MAX = 256 * 1024 * 1024;

/** Reads and validates a case JSON file; exits 1 with the reason when it is not one. */
export async function loadCaseFile(path: string, wholeReadMax = WHOLE_READ_MAX): Promise<Case> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (e) {
    throw new CliExit(1, `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let doc: unknown;
  try {
    doc = (size > wholeReadMax ? await readStreamedLayout(path) : undefined) ?? JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    if (e instanceof CliExit) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_STRING_TOO_LONG') throw new CliExit(1, `${path} is too large to read as one JSON text and is not in the layout tokentrail writes (one event per line)`);
    if (code) throw new CliExit(1, `cannot read ${path}: ${code}`);
    throw new CliExit(1, `${path} is not JSON: ${(e as Error).message}`);
  }
  const v = validateCaseNode(doc);
  if (!v.valid) throw new CliExit(1, `${path} is not a tokentrail.case/v1 document:\n  ${v.errors.join('\n  ')}`);
  return doc as Case;
}

/** The case in writeCaseFile's layout, or undefined when the file is laid out otherwise. */
async function readStreamedLayout(path: string): Promise<unknown | undefined> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
  // The document without the streamed lists' items (small), and the items per list.
  let doc = '';
  const lists = new Map<ListName, unknown[]>();
  let open: ListName | undefined;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (lineNo === 1 && !opensList(line)) {
      lines.close();
      return undefined;
    }
    if (open && !line.startsWith(']')) {
      const text = line.endsWith(',') ? line.slice(0, -1) : line;
      try {
        lists.get(open)!.push(JSON.parse(text));
      } catch (e) {
        throw new CliExit(1, `${path}:${lineNo}: not a JSON item of "${open}": ${(e as Error).message}`);
      }
      continue;
    }
    doc += line;
    open = opensList(line);
    if (open) lists.set(open, []);
  }
  if (open || lineNo === 0) return undefined;
  const parsed = JSON.parse(doc) as Record<string, unknown>;
  for (const [k, items] of lists) parsed[k] = items;
  return parsed;
}
