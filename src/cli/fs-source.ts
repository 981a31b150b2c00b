/**
 * Files and directories → ingestion input sources. Directories are walked recursively in sorted
 * order (determinism); symbolic links are not followed (a bundle unpacked by hand may hold links
 * to /etc/shadow); each one, and each path that cannot be read, is reported.
 */
import { lstat, open, readdir, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { InputSource } from '../ingest/source';
import type { Problem } from '../model/problem';

const CHUNK = 1024 * 1024;

/** A Web ReadableStream over a file, read in 1 MiB chunks (fresh buffers: downstream keeps them). */
export function fileStream(path: string): ReadableStream<Uint8Array> {
  let fh: Awaited<ReturnType<typeof open>> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(c) {
        fh ??= await open(path, 'r');
        const buf = new Uint8Array(CHUNK);
        const { bytesRead } = await fh.read(buf, 0, CHUNK, null);
        if (bytesRead === 0) {
          await fh.close();
          c.close();
          return;
        }
        c.enqueue(bytesRead === CHUNK ? buf : buf.subarray(0, bytesRead));
      },
      async cancel() {
        await fh?.close();
      },
    },
    // Two chunks of read-ahead: the next read runs on the thread pool while this one is parsed.
    { highWaterMark: 2 },
  );
}

function fileSource(path: string, name: string, size: number, mtimeMs: number): InputSource {
  return { name, size, mtimeMs, stream: () => fileStream(path) };
}

/** Display name: the path as given, `/`-separated. */
function display(p: string): string {
  return p.split(sep).join('/');
}

/** Expands CLI arguments into sources (files as given, directories recursively) and problems. */
export async function fsSources(args: readonly string[]): Promise<{ sources: InputSource[]; problems: Problem[] }> {
  const sources: InputSource[] = [];
  const problems: Problem[] = [];
  async function walk(path: string, top: boolean): Promise<void> {
    const name = display(path);
    let st: Awaited<ReturnType<typeof lstat>>;
    try {
      // Arguments themselves may be links (the analyst chose them); links inside directories are not followed.
      st = top ? await stat(path) : await lstat(path);
    } catch (e) {
      problems.push({ code: 'input.unreadable', input: name, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      return;
    }
    if (st.isSymbolicLink()) {
      problems.push({ code: 'input.unreadable', input: name, message: 'symbolic link inside a directory: not followed' });
      return;
    }
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = (await readdir(path)).sort();
      } catch (e) {
        problems.push({ code: 'input.unreadable', input: name, message: `cannot list: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
        return;
      }
      for (const n of names) await walk(join(path, n), false);
      return;
    }
    if (!st.isFile()) {
      problems.push({ code: 'input.unreadable', input: name, message: 'not a regular file: skipped' });
      return;
    }
    sources.push(fileSource(path, name, Number(st.size), Number(st.mtimeMs)));
  }
  for (const a of args) await walk(a, true);
  return { sources, problems };
}
