/**
 * Reading a case JSON file. A large case does not fit in one V8 string (~512 MiB), so a file in the
 * layout writeCaseFile produces (the document with `"events":[` ending the first line, one event
 * per line, the rest of the document after a line starting with `]`) is read line by line; any
 * other JSON is read whole. Either way the result is validated against the schema.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Case } from '../model/case';
import type { TgEvent } from '../model/event';
import { CliExit } from './io';
import { validateCaseNode } from './validate-case-node';

const EVENTS_OPEN = '"events":[';

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
  let head: string | undefined;
  let tail = '';
  let inTail = false;
  const events: TgEvent[] = [];
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (head === undefined) {
      if (!line.endsWith(EVENTS_OPEN)) {
        lines.close();
        return undefined;
      }
      head = line;
    } else if (inTail) tail += line;
    else if (line.startsWith(']')) {
      inTail = true;
      tail = line;
    } else {
      const text = line.endsWith(',') ? line.slice(0, -1) : line;
      try {
        events.push(JSON.parse(text) as TgEvent);
      } catch (e) {
        throw new CliExit(1, `${path}:${lineNo}: not a JSON event: ${(e as Error).message}`);
      }
    }
  }
  if (head === undefined || !inTail) return undefined;
  const doc = JSON.parse(`${head}${tail}`) as { events: TgEvent[] };
  doc.events = events;
  return doc;
}
