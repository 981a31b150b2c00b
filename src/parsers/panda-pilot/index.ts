/**
 * PanDA pilot3 `pilotlog.txt` (DOMAIN.md §8.1): `asctime | LEVEL | message`, or the debug form
 * `asctime | LEVEL | name | funcName | message`. asctime is UTC (the pilot's formatter uses
 * gmtime). Message strings checked against PanDAWMS/pilot3: `PanDA job id: <id>` (control/job.py),
 * `started -- pid=<pid> executable=<cmd>` and `\n\nfinished pid=<pid> exit_code=<n> state=<s>`
 * (control/payloads/generic.py: the finish message starts on a continuation line).
 * Also accepted, as DOMAIN.md §8.1 sketches them (and the scenario generator writes them):
 * `pilot id: <pilotid>|<batch>|<tag>|<version>` (pilotId = first field), `running on host: <fqdn> (<ip>)`,
 * `batch system job id: <c.p> (GlobalJobId <gjid>)`, `VO: <vo>`, `payload token: iss=… sub=… jti=…`,
 * `executing payload: …`, `payload <id> finished with exit code <n>`, `… pilot is exiting`.
 * Identity lines (prodUserID, pilot id, host, GTAG) are [unconfirmed] shapes and matched loosely.
 */
import type { EventDraft, EventKind } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventTime } from '../../model/time';
import { exposureEvent, hasSecret, makeEvent } from '../common/draft';
import { normIp } from '../common/net';
import { hostFromPath } from '../common/identity';

const LINE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}),(\d{3}) \| ([A-Z]+)\s*\| (.*)$/;
const DEBUG_COLS = /^(\S+)\s*\| (\S+)\s*\| (.*)$/;
const JOB_ID = /PanDA job id: (\d+)/;
const STARTED = /^started(?: (\S+))? -- pid=(\d+)|^executing payload\b/;
const FINISHED = /finished pid=(\d+) exit_code=(-?\d+)(?: state=(\w+))?|^payload (\d+) (?:has )?finished with exit code (-?\d+)/;
const PILOT_END = /pilot is exiting|pilot has finished|^\[pilot\] .*has finished/;
const BATCH = /batch (?:system )?job id:\s*([\w.]+)/i;
const TOKEN_IDS = /payload token:.*?\biss=(\S+).*?\bsub=(\S+)(?:.*?\bjti=(\S+))?/;
const USER = /['"]?prodUserID['"]?\s*[:=]\s*['"]?([^'",}]+)/;
const PILOT_ID = /(?:['"]?pilot_?id['"]?|GTAG|pilot id)\s*[:=]\s*['"]?([^'",}\s|]+)/i;
const HOST = /(?:hostname|host name|node name|running on host)\s*[:=]?\s*['"]?([A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,})(?:\s*\(([0-9a-fA-F:.]{3,39})\))?/i;
const IP = /(?:ip(?:v4)? address|ipv4|host ip)\s*[:=]?\s*['"]?([0-9a-fA-F:.]{7,39})/i;
const VO = /(?:['"]?\bvo['"]?|pilot_user)\s*[:=]\s*['"]?(\w+)/i;
const PILOT_BANNER = /PanDA Pilot \d|pilot arguments:/;

class PandaLines implements LineParser {
  private readonly ids: EventIds = {};
  private prevTime: EventTime | undefined;
  private started = false;
  private ended = false;
  constructor(private readonly ctx: ParseContext) {
    // The worker node from the input path until the log names it.
    const host = hostFromPath(ctx.input);
    if (host) this.ids.host = host;
  }

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
    if (job && job[1] !== this.ids.payloadId) {
      // A new payload: the previous payload's owner and token do not carry over.
      this.ids.payloadId = job[1];
      delete this.ids.user;
      delete this.ids.sub;
      delete this.ids.iss;
      delete this.ids.jti;
    }
    const tok = TOKEN_IDS.exec(msg);
    if (tok) {
      this.ids.iss = tok[1];
      this.ids.sub = tok[2];
      if (tok[3]) this.ids.jti = tok[3];
    }
    const batch = BATCH.exec(msg);
    if (batch) this.ids.batchJobId = batch[1];
    const user = USER.exec(msg);
    if (user) this.ids.user = user[1]!.trim();
    const pid = PILOT_ID.exec(msg);
    if (pid) this.ids.pilotId = pid[1];
    const host = HOST.exec(msg);
    if (host) {
      this.ids.host = host[1]!.toLowerCase();
      if (host[2] && normIp(host[2])) this.ids.ip = normIp(host[2]);
    }
    const ip = IP.exec(msg);
    if (ip && normIp(ip[1]!)) this.ids.ip = normIp(ip[1]!);
    const vo = VO.exec(msg);
    if (vo) this.ids.vo = vo[1]!.toLowerCase();
    const gj = /GlobalJobId\s*[:=]?\s*['"]?([^'"\s,()]+#[^'"\s,()]+#\d+)/.exec(msg);
    if (gj) this.ids.globalJobId = gj[1];
    const changed = JSON.stringify(this.ids) !== before;

    const st = STARTED.exec(msg);
    const fin = FINISHED.exec(msg);
    if (!this.started && (PILOT_BANNER.test(msg) || PILOT_ID.test(msg))) {
      // The first line that says what the pilot is (banner or pilot id) marks its start.
      this.started = true;
      kind = 'pilot.start';
      summary = `PanDA pilot ${this.ids.pilotId ?? ''} started`.replace('  ', ' ');
    } else if (st && (!st[1] || /payload/i.test(st[1]))) {
      kind = 'payload.start';
      summary = `payload ${this.ids.payloadId ?? '?'} of ${this.ids.user ?? '?'} started${st[2] ? ` (pid ${st[2]})` : ''}`;
    } else if (fin) {
      kind = 'payload.end';
      const code = fin[2] ?? fin[5];
      summary = `payload ${fin[4] ?? this.ids.payloadId ?? '?'} finished (${fin[1] ? `pid ${fin[1]}, ` : ''}exit code ${code}${fin[3] ? `, ${fin[3]}` : ''})`;
    } else if (!this.ended && PILOT_END.test(msg)) {
      this.ended = true;
      kind = 'pilot.end';
      summary = 'PanDA pilot exiting';
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
