/**
 * Writes a case JSON without building one giant string (a large case's events do not fit in one
 * V8 string): the document around the events is stringified, the events are streamed one per line.
 * Output is deterministic: same case, same bytes.
 */
import { createWriteStream } from 'node:fs';
import type { Case } from '../model/case';

const SLOT = '"events":[]';

export async function writeCaseFile(c: Case, path: string): Promise<void> {
  const skeleton = JSON.stringify({ ...c, events: [] });
  const at = skeleton.indexOf(SLOT);
  if (at < 0) throw new Error('case skeleton has no events slot');
  const ws = createWriteStream(path);
  const write = (s: string) => (ws.write(s) ? Promise.resolve() : new Promise<void>((r) => ws.once('drain', () => r())));
  const done = new Promise<void>((resolve, reject) => {
    ws.on('finish', () => resolve());
    ws.on('error', reject);
  });
  await write(`${skeleton.slice(0, at)}"events":[`);
  let buf = '';
  for (let i = 0; i < c.events.length; i++) {
    buf += `${i ? ',' : ''}\n${JSON.stringify(c.events[i])}`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(`${buf}${c.events.length ? '\n' : ''}]${skeleton.slice(at + SLOT.length)}\n`);
  ws.end();
  await done;
}
