/**
 * PanDA pilot3 `pilotlog.txt` (DOMAIN.md §8.1): `asctime | LEVEL | message`, or the debug form
 * `asctime | LEVEL | name | funcName | message`. asctime is UTC (the pilot's formatter uses
 * gmtime). Message strings checked against PanDAWMS/pilot3: `PanDA job id: <id>` (control/job.py),
 * `started -- pid=<pid> executable=<cmd>` and `\n\nfinished pid=<pid> exit_code=<n> state=<s>`
 * (control/payloads/generic.py: the finish message starts on a continuation line).
 * Identity lines (prodUserID, pilot id, host, GTAG) are [unconfirmed] shapes and matched loosely.
 */
import type { EventDraft, EventKind } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventTime } from '../../model/time';
import { exposureEvent, hasSecret, makeEvent } from '../common/draft';
import { normIp } from '../common/net';

const LINE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}),(\d{3}) \| ([A-Z]+)\s*\| (.*)$/;
const DEBUG_COLS = /^(\S+)\s*\| (\S+)\s*\| (.*)$/;
const JOB_ID = /PanDA job id: (\d+)/;
const STARTED = /^started(?: (\S+))? -- pid=(\d+)/;
const FINISHED = /finished pid=(\d+) exit_code=(-?\d+)(?: state=(\w+))?/;
const USER = /['"]?prodUserID['"]?\s*[:=]\s*['"]?([^'",}]+)/;
const PILOT_ID = /(?:['"]?pilot_?id['"]?|GTAG|pilot id)\s*[:=]\s*['"]?([^'",}\s|]+)/i;
const HOST = /(?:hostname|host name|node name|running on host)\s*[:=]?\s*['"]?([A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,})/i;
const IP = /(?:ip(?:v4)? address|ipv4|host ip)\s*[:=]?\s*['"]?([0-9a-fA-F:.]{7,39})/i;
const VO = /(?:['"]?vo['"]?|pilot_user)\s*[:=]\s*['"]?(\w+)/;
const PILOT_BANNER = /PanDA Pilot \d|pilot arguments:/;

class PandaLines implements LineParser {
  private readonly ids: EventIds = {};
  private prevTime: EventTime | undefined;
  private started = false;
  constructor(private readonly ctx: ParseContext) {}

  line(line: RedactedLine): EventDraft[] {
    if (!line.text.trim()) return [];
    const m = LINE.exec(line.text);
    let msg: string;
    let time: EventTime;
    if (m) {
      const n = m.slice(1, 8).map(Number) as [number, number, number, number, number, number, number];
      time = { ts: Date.UTC(n[0], n[1] - 1, n[2], n[3], n[4], n[5], n[6]), text: line.text.slice(0, 23), assumed: 'tz=UTC (pilot3 logs in UTC)' };
      this.prevTime = time;
      msg = m[9]!;
      const dbg = DEBUG_COLS.exec(msg);
      if (dbg && /^[\w.]+$/.test(dbg[1]!) && /^[\w<>]+$/.test(dbg[2]!)) msg = dbg[3]!;
    } else {
      // Multi-line messages continue without a prefix; binary junk or a line before any pilot line is malformed.
      if (!this.prevTime || /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(line.text)) {
        this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'not a pilot log line (expected `YYYY-MM-DD HH:MM:SS,mmm | LEVEL | …`)' });
        return [];
      }
      time = { ...this.prevTime, assumed: `${this.prevTime.assumed}; continuation of the previous line` };
      msg = line.text.trim();
    }
    return this.message(line, msg, time);
  }

  private message(line: RedactedLine, msg: string, time: EventTime): EventDraft[] {
    let kind: EventKind | undefined;
    let summary = '';
    const before = JSON.stringify(this.ids);
    const job = JOB_ID.exec(msg);
    if (job) this.ids.payloadId = job[1];
    const user = USER.exec(msg);
    if (user) this.ids.user = user[1]!.trim();
    const pid = PILOT_ID.exec(msg);
    if (pid) this.ids.pilotId = pid[1];
    const host = HOST.exec(msg);
    if (host) this.ids.host = host[1]!.toLowerCase();
    const ip = IP.exec(msg);
    if (ip && normIp(ip[1]!)) this.ids.ip = normIp(ip[1]!);
    const vo = VO.exec(msg);
    if (vo) this.ids.vo = vo[1]!.toLowerCase();
    const gj = /GlobalJobId\s*[:=]\s*['"]?([^'"\s,]+#[^'"\s,]+#\d+)/.exec(msg);
    if (gj) this.ids.globalJobId = gj[1];
    const changed = JSON.stringify(this.ids) !== before;

    const st = STARTED.exec(msg);
    const fin = FINISHED.exec(msg);
    if (!this.started && PILOT_BANNER.test(msg)) {
      this.started = true;
      kind = 'pilot.start';
      summary = 'PanDA pilot started';
    } else if (st && (!st[1] || /payload/i.test(st[1]))) {
      kind = 'payload.start';
      summary = `payload ${this.ids.payloadId ?? '?'} of ${this.ids.user ?? '?'} started (pid ${st[2]})`;
    } else if (fin) {
      kind = 'payload.end';
      summary = `payload ${this.ids.payloadId ?? '?'} finished (pid ${fin[1]}, exit code ${fin[2]}${fin[3] ? `, ${fin[3]}` : ''})`;
    } else if (changed) {
      kind = 'log';
    }
    const out: EventDraft[] = [];
    if (kind) out.push(makeEvent(line, kind, time, { ...this.ids }, summary));
    if (hasSecret(line)) out.push(exposureEvent(line, time, { ...this.ids }, 'a PanDA pilot log'));
    return out;
  }

  end(): EventDraft[] {
    return [];
  }
}

export const pandaPilotParser: LogParser = {
  id: 'panda.pilot',
  label: 'PanDA pilot log',
  detect(sample) {
    const lines = sample.head.filter((l) => l.trim());
    const hits = lines.filter((l) => LINE.test(l)).length;
    if (!hits) return 0;
    const named = /pilotlog/i.test(sample.name) || lines.some((l) => /PanDA|pilot/i.test(l));
    return Math.min(0.95, (hits / lines.length) * (named ? 0.95 : 0.6));
  },
  open: (ctx) => new PandaLines(ctx),
};
