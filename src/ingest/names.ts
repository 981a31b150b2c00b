/** Names: archive member paths, traversal-safe member names, rotation-free names for sniffing. */

/** Display path of an archive member: `outer.tar.gz!/var/log/condor/SchedLog`. */
export function memberPath(parent: string, member: string): string {
  return `${parent}!/${member}`;
}

/** A member name made safe, and whether it tried to leave the archive root. */
export interface SafeName {
  name: string;
  /** True when the raw name was absolute or climbed out with `..`. */
  escaped: boolean;
}

/**
 * Member names are only labels here (nothing is written to disk), but a name like
 * `../../etc/cron.d/x` or `/etc/passwd` is a sign of a hostile archive. The member is still read
 * (its content may be evidence) under the name with the root, drive letter and escaping `..`
 * segments removed; the caller records an `archive.path-traversal` problem with the raw name.
 */
export function safeMemberName(raw: string): SafeName {
  let s = raw.replace(/\\/g, '/');
  let escaped = false;
  if (/^[A-Za-z]:\//.test(s)) {
    s = s.slice(3);
    escaped = true;
  }
  if (s.startsWith('/')) escaped = true;
  const out: string[] = [];
  for (const seg of s.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) escaped = true;
      else out.pop();
      continue;
    }
    out.push(seg);
  }
  return { name: out.join('/'), escaped };
}

const COMPRESSED = /\.(gz|tgz|zst)$/i;
// Rotation suffixes: `.1`, `.old`, `.20260101`, `-20260101`, `.2026-01-01`, `.20260101T101010`.
const ROTATION = /(?:[.-](?:\d{1,3}|old|bak|\d{8}(?:T?\d{4,6})?|\d{4}-\d{2}-\d{2}(?:[T_-]\d{2}[:-]?\d{2}(?:[:-]?\d{2})?)?))+$/i;

/**
 * The name parsers sniff: rotation and compression suffixes removed, so `SchedLog.1` and
 * `SchedLog.2.gz` look like `SchedLog`. Directory part kept (parsers may use it).
 */
export function sniffName(path: string): string {
  const inner = path.includes('!/') ? path.slice(path.lastIndexOf('!/') + 2) : path;
  const slash = inner.lastIndexOf('/');
  const dir = inner.slice(0, slash + 1);
  let base = inner.slice(slash + 1);
  for (let i = 0; i < 3; i++) {
    const before = base;
    if (/\.tgz$/i.test(base)) base = `${base.slice(0, -4)}.tar`;
    base = base.replace(COMPRESSED, '');
    const stripped = base.replace(ROTATION, '');
    if (stripped !== '') base = stripped;
    if (base === before) break;
  }
  return dir + base;
}
