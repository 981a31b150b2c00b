/**
 * FTS3 url-copy transfer log (DOMAIN.md §6): `LEVEL Mon, 23 Nov 2026 14:05:41 +0100; message`.
 * The header lines (Job id, File id, Source/Dest url, VO, Source/Destination token JSON) are
 * gathered into one `transfer` event per file, placed at its `Dest url` line (or the first header
 * line) and emitted when the next file starts or the log ends. The file name
 * (`YYYY-MM-DD-HHMM__src__dst__fileId__jobId`) fills ids the lines do not state.
 */
import type { EventDraft } from '../../model/event';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventTime } from '../../model/time';
import { exposureEvent, hasSecret, makeEvent } from '../common/draft';
import { monthNumber, offsetTimeToUtc, parseOffsetMinutes } from '../common/time';
import { hostFromPath } from '../common/identity';

const LINE =
  /^(TRACE|DEBUG|INFO|NOTICE|WARNING|ERR|CRIT|PROF|TOKEN)\s+\w{3}, (\d{1,2}) (\w{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}); ?(.*)$/;
const NAME = /(\d{4}-\d{2}-\d{2}-\d{4})__([^_/]+(?:_[^_/]+)*)__([^_/]+(?:_[^_/]+)*)__(\d+)__([0-9a-f-]{36})/i;

interface Transfer {
  jobId?: string;
  fileId?: string;
  src?: string;
  dst?: string;
  vo?: string;
  iss?: string;
  status?: string;
  line?: RedactedLine;
  time?: EventTime;
  fps: string[];
}

function tokenIss(json: string): string | undefined {
  try {
    const o: unknown = JSON.parse(json);
    if (o && typeof o === 'object' && 'iss' in o && typeof o.iss === 'string') return o.iss;
  } catch {
    // FTS prints `Failed to decode token! (eyJhb...xxxxx)` instead of JSON for undecodable tokens.
  }
  return undefined;
}

class FtsLines implements LineParser {
  private cur: Transfer = { fps: [] };
  private prevTime: EventTime | undefined;
  private readonly host: string | undefined;
  private readonly fromName: { jobId?: string; fileId?: string; src?: string; dst?: string };
  constructor(private readonly ctx: ParseContext) {
    const n = NAME.exec(ctx.input);
    this.fromName = n ? { src: n[2], dst: n[3], fileId: n[4], jobId: n[5] } : {};
    this.host = hostFromPath(ctx.input);
  }

  line(line: RedactedLine): EventDraft[] {
    if (!line.text.trim()) return [];
    const m = LINE.exec(line.text);
    if (!m) {
      if (!this.prevTime || /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(line.text)) {
        this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'not an FTS url-copy log line (expected `LEVEL Day, DD Mon YYYY HH:MM:SS +zzzz; …`)' });
        return [];
      }
      return hasSecret(line) ? [exposureEvent(line, this.prevTime, this.ids(), 'an FTS transfer log')] : [];
    }
    const off = parseOffsetMinutes(m[8]!)!;
    const time: EventTime = {
      ts: offsetTimeToUtc(off, Number(m[4]), monthNumber(m[3]!) ?? 1, Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7])),
      text: line.text.slice(line.text.indexOf(m[3]!) - m[2]!.length - 1, line.text.indexOf(';')),
    };
    this.prevTime = time;
    const msg = m[9]!;
    const out: EventDraft[] = [];
    const kv = /^(Job id|File id|Source url|Dest url|VO|Source token|Destination token): (.*)$/.exec(msg);
    if (kv) {
      const [, key, value] = kv as unknown as [string, string, string];
      if (key === 'File id' && this.cur.fileId && this.cur.fileId !== value.trim()) out.push(...this.flush());
      if (key === 'Job id') this.cur.jobId = value.trim();
      if (key === 'File id') this.cur.fileId = value.trim();
      if (key === 'Source url') this.cur.src = value.trim();
      if (key === 'Dest url') {
        this.cur.dst = value.trim();
        this.cur.line = line;
        this.cur.time = time;
      }
      if (key === 'VO') this.cur.vo = value.trim();
      if (key.endsWith('token')) this.cur.iss ??= tokenIss(value.trim());
      if (!this.cur.line) {
        this.cur.line = line;
        this.cur.time = time;
      }
    }
    const done = /^Transfer (finished successfully|failed.*|canceled.*)$/i.exec(msg);
    if (done) this.cur.status = done[1]!.startsWith('finished') ? 'ok' : done[1]!.slice(0, 80);
    if (hasSecret(line)) {
      this.cur.fps.push(...line.secrets.map((s) => s.token.fp));
      out.push(exposureEvent(line, time, this.ids(), 'an FTS transfer log'));
    }
    return out;
  }

  private ids() {
    return {
      host: this.host,
      transferJobId: this.cur.jobId ?? this.fromName.jobId,
      transferFileId: this.cur.fileId ?? this.fromName.fileId,
      endpoint: this.cur.dst,
      vo: this.cur.vo,
      iss: this.cur.iss,
      status: this.cur.status,
    };
  }

  private flush(): EventDraft[] {
    const t = this.cur;
    const out: EventDraft[] = [];
    if (t.line && t.time) {
      const ids = this.ids();
      const src = t.src ?? this.fromName.src ?? '?';
      const dst = t.dst ?? this.fromName.dst ?? '?';
      // The event's line is the Dest url line; secrets of other lines are already in their own exposure events.
      out.push(makeEvent({ ...t.line, secrets: [] }, 'transfer', t.time, ids, `FTS transfer ${ids.transferJobId ?? '?'}/${ids.transferFileId ?? '?'} ${src} → ${dst}${t.vo ? ` (VO ${t.vo})` : ''}${t.status ? `: ${t.status}` : ''}`));
    }
    this.cur = { fps: [] };
    return out;
  }

  end(): EventDraft[] {
    return this.flush();
  }
}

export const ftsParser: LogParser = {
  id: 'fts',
  label: 'FTS3 transfer log',
  detect(sample) {
    const lines = sample.head.filter((l) => l.trim());
    const hits = lines.filter((l) => LINE.test(l)).length;
    if (!hits) return NAME.test(sample.name) ? 0.3 : 0;
    return Math.min(0.97, (hits / lines.length) * 0.95 + (NAME.test(sample.name) ? 0.05 : 0));
  },
  open: (ctx) => new FtsLines(ctx),
};
