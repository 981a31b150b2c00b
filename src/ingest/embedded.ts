/**
 * Logs embedded in a text input, as glideinWMS returns a glidein's HTCondor logs (MasterLog,
 * StartdLog, StarterLog.slot1_1: the pilot↔payload link) in the job's `.err` at the factory.
 * glideinWMS's condor_startup.sh writes each as (factory/tools/lib/gWftLogParser.py reads it back):
 *
 *     StarterLog.slot1_1
 *     ======== gzip | uuencode =============          (or `======== tail -c N | gzip | uuencode ====…`)
 *     begin-base64 644 -
 *     H4sIAAAAAAAAA+1d... (base64 of the gzipped log)
 *     ====
 *
 * The base64 lines are taken out of the outer input (never parsed or kept as its lines: they are
 * the whole log, credentials included, in an encoding the redactor cannot see into) and handed
 * over as bytes, which ingestion reads as a member `job.1.0.err!/StarterLog.slot1_1`, hashed and
 * redacted like any other.
 */

const MARKER = /^======== (?:.+ \| )?gzip \| uuencode =+$/;
const BEGIN = /^begin-base64 [0-7]{3,4} /;
const END = '====';
const BASE64_LINE = /^[A-Za-z0-9+/]*={0,2}$/;

export interface EmbeddedLog {
  /** The log's name, from the line before the marker (`StarterLog.slot1_1`). */
  name: string;
  /** 1-based line of the marker in the outer input. */
  line: number;
  /** The decoded bytes (gzip, as written), or undefined when they could not be read. */
  bytes: Uint8Array | undefined;
  /** Why the block is incomplete or unreadable (no end line, not base64, over the size limit). */
  problem?: string;
}

type State =
  | { at: 'text' }
  | { at: 'begin'; name: string; line: number }
  | { at: 'data'; name: string; line: number; parts: string[]; size: number; bad: boolean; cut: boolean };

export class EmbeddedLogs {
  private state: State = { at: 'text' };
  /** The previous line of text: a log's name when a marker follows it. */
  private previous = '';

  constructor(
    private readonly found: (log: EmbeddedLog) => void,
    /** Base64 characters one block may hold before it is cut (the rest is skipped). */
    private readonly maxChars: number,
  ) {}

  /** True when `text` (line `line`) belongs to an embedded block: the caller skips it. */
  take(text: string, line: number): boolean {
    const s = this.state;
    if (s.at === 'text') {
      // A marker starts with `=`: one character test for the lines that are not one.
      if (text.charCodeAt(0) === 61 && MARKER.test(text)) {
        this.state = { at: 'begin', name: this.previous.trim(), line };
        return true;
      }
      this.previous = text;
      return false;
    }
    if (s.at === 'begin') {
      if (BEGIN.test(text)) {
        this.state = { at: 'data', name: s.name, line: s.line, parts: [], size: 0, bad: false, cut: false };
        return true;
      }
      // A marker not followed by the base64 header: the lines are the outer input's after all.
      this.state = { at: 'text' };
      this.previous = text;
      return false;
    }
    if (text === END) {
      this.finish(s, undefined);
      return true;
    }
    const t = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (s.cut) return true;
    if (!BASE64_LINE.test(t)) {
      s.bad = true;
      return true;
    }
    let keep = t;
    if (s.size + t.length > this.maxChars) {
      // Cut on a 4-character boundary, so what was kept still decodes (a gzip cut short: its lines are read).
      const room = this.maxChars - s.size;
      keep = t.slice(0, room - ((s.size + room) % 4));
      s.cut = true;
    }
    s.parts.push(keep);
    s.size += keep.length;
    return true;
  }

  /** End of the outer input: a block still open is handed over with what it holds. */
  end(): void {
    const s = this.state;
    if (s.at === 'data') this.finish(s, 'the input ends inside it (no `====` line): what it held is read');
    else if (s.at === 'begin') this.found({ name: s.name, line: s.line, bytes: undefined, problem: 'a marker without a `begin-base64` line' });
    this.state = { at: 'text' };
  }

  private finish(s: Extract<State, { at: 'data' }>, why: string | undefined): void {
    this.state = { at: 'text' };
    this.previous = '';
    const problems: string[] = [];
    if (why) problems.push(why);
    if (s.bad) problems.push('lines that are not base64 were skipped');
    if (s.cut) problems.push(`over ${this.maxChars} base64 characters: the rest was skipped`);
    const bytes = decodeBase64(s.parts.join(''));
    if (!bytes) problems.push('not valid base64');
    this.found({ name: s.name, line: s.line, bytes, ...(problems.length ? { problem: problems.join('; ') } : {}) });
  }
}

/** Standard base64 (with or without padding) → bytes; undefined when it is not valid. */
function decodeBase64(b64: string): Uint8Array | undefined {
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    return undefined;
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
