/**
 * Archive layers: tar (modern-tar) and zip (fflate) members become entries of their own; the
 * limits on members (count, traversal names, links, ratio) are applied here.
 */
import type { InputRecord } from '../model/case';
import type { ProblemCode } from '../model/problem';
import { type RatioCounter, ratioGuard } from './containers/gzip';
import { tarEntries } from './containers/tar';
import { ZipReader } from './containers/zip';
import { type Entry, errText, TotalLimit } from './entry';
import type { IngestLimits } from './limits';
import { memberPath, safeMemberName } from './names';

/** What the archive walkers need from the ingestion run. */
export interface ArchiveHost {
  limits: IngestLimits;
  problem(code: ProblemCode, input: string, message: string): void;
  bomb(path: string, c: RatioCounter): void;
  entry(e: Entry): Promise<InputRecord>;
  /** Names are text from the bundle too: they pass the redactor before they are kept. */
  redact(text: string): Promise<string>;
}

/** Walks a tar stream: each regular file becomes an entry; links, devices, traversal names leave problems. */
export async function readTar(h: ArchiveHost, rec: InputRecord, body: ReadableStream<Uint8Array>, depth: number): Promise<void> {
  const reader = tarEntries(body).getReader();
  let count = 0;
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      const { header, body: member } = r.value;
      const type = header.type ?? 'file';
      if (type === 'directory') {
        await member.cancel();
        continue;
      }
      if (++count > h.limits.maxEntries) {
        await member.cancel();
        h.problem('archive.too-many-entries', rec.path, `more than ${h.limits.maxEntries} members: the rest is not read`);
        await reader.cancel();
        break;
      }
      const safe = safeMemberName(header.name);
      const path = memberPath(rec.path, await h.redact(safe.name || `unnamed-${count}`));
      if (type === 'symlink' || type === 'link') {
        await member.cancel();
        h.problem('archive.link', path, `${type} to ${JSON.stringify(await h.redact(header.linkname ?? ''))}: not followed`);
        continue;
      }
      if (type !== 'file') {
        await member.cancel();
        h.problem('archive.unsupported', path, `${type} member: skipped`);
        continue;
      }
      if (safe.escaped) h.problem('archive.path-traversal', path, `member name ${JSON.stringify(await h.redact(header.name))} leaves the archive root: read under the sanitised name`);
      await h.entry({ path, parent: rec.path, stream: member, mtimeMs: header.mtime?.getTime(), depth: depth + 1, declaredSize: header.size });
    }
  } catch (e) {
    await reader.cancel().catch(() => {});
    if (e instanceof TotalLimit) throw e;
    h.problem('archive.truncated', rec.path, `tar ends early or is corrupt: ${errText(e)} (what was read is kept)`);
  }
}

/** Walks a zip stream; each member is guarded by the compression-ratio limit. */
export async function readZip(h: ArchiveHost, rec: InputRecord, body: ReadableStream<Uint8Array>, depth: number, mtimeMs?: number): Promise<void> {
  const zr = new ZipReader(body);
  try {
    await zipMembers(h, rec, zr, depth, mtimeMs);
  } catch (e) {
    await zr.cancel();
    throw e;
  }
  if (zr.failure) h.problem('archive.truncated', rec.path, `zip ${zr.failure} (what was read is kept)`);
}

async function zipMembers(h: ArchiveHost, rec: InputRecord, zr: ZipReader, depth: number, mtimeMs?: number): Promise<void> {
  let count = 0;
  for (;;) {
    const m = await zr.next();
    if (!m) break;
    if (m.name.endsWith('/')) {
      await m.body.cancel();
      continue;
    }
    if (++count > h.limits.maxEntries) {
      await m.body.cancel();
      h.problem('archive.too-many-entries', rec.path, `more than ${h.limits.maxEntries} members: the rest is not read`);
      await zr.cancel();
      break;
    }
    const safe = safeMemberName(m.name);
    if (m.encrypted) {
      await m.body.cancel();
      h.problem('archive.unsupported', rec.path, `member ${JSON.stringify(await h.redact(m.name))} is encrypted (password-protected): not read; unzip it with the password and add what it holds`);
      continue;
    }
    const path = memberPath(rec.path, await h.redact(safe.name || `unnamed-${count}`));
    if (safe.escaped) h.problem('archive.path-traversal', path, `member name ${JSON.stringify(await h.redact(m.name))} leaves the archive root: read under the sanitised name`);
    const guarded = m.body.pipeThrough(
      ratioGuard(m.counter, h.limits.maxRatio, h.limits.ratioGraceBytes, (c) => {
        m.stop();
        h.bomb(path, c);
      }),
    );
    // Zip members carry DOS times that fflate's streaming reader does not expose: use the archive's.
    const member = await h.entry({ path, parent: rec.path, stream: guarded, mtimeMs, depth: depth + 1 });
    if (m.error) {
      h.problem('archive.unsupported', path, `cannot decompress: ${m.error}`);
      member.problems++;
    }
  }
}
