/**
 * JAliEn JobAgent logs (ALICE; DOMAIN.md §8.4, [unconfirmed] wording). The payload identity is
 * read from the job token subject in either form: slash DN `…/OU=queueid=<n>/resubmission=<n>/user=<u>`
 * or RFC 2253 `OU="queueid=<n>/resubmission=<n>/user=<u>", OU=jobagent, …`, and from plain
 * `queueId: <n>` / `user: <u>` mentions. Lines: `YYYY-MM-DD HH:MM:SS[.mmm]` (zone-less, context
 * zone assumed) or Java SimpleFormatter pairs (`Nov 23, 2026 1:12:00 PM class method` + `INFO: msg`).
 */
import type { EventDraft, EventKind } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventTime } from '../../model/time';
import { exposureEvent, hasSecret, makeEvent } from '../common/draft';
import { isoTime } from '../common/stamp';
import { assumedTime, monthNumber } from '../common/time';
import { hostFromPath } from '../common/identity';

const ISO_LINE = /^\[?(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?)\]?\s+(.*)$/;
const JAVA_HEAD = /^(\w{3}) (\d{1,2}), (\d{4}) (\d{1,2}):(\d{2}):(\d{2}) (AM|PM) (\S+)(?: (\S+))?$/;
const JAVA_MSG = /^(SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST): (.*)$/;
const QUEUE = /queue[_ ]?id\s*[=:]\s*(\d+)/i;
const RESUB = /resubmission\s*[=:]\s*(\d+)/i;
const USER = /\buser\s*[=:]\s*([A-Za-z0-9_.-]+)/;
const AGENT = /(?:JobAgent|agent)[_ ]?id\s*[=:]\s*([\w.:#-]+)|ALIEN_JOBAGENT_ID\s*=\s*(\S+)/i;
const HOST = /(?:hostname|host name|running on)\s*[=:]?\s*([A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,})/i;
const AGENT_START = /(?:JobAgent|JA)\b.*\b(?:start(?:ed|ing)?)|Started JA/i;
const PAYLOAD_END = /(?:job|payload)\b.*\b(?:finished|completed|done|exited)|\bstate\s*[=:]?\s*(?:DONE|ERROR_\w+|FAILED)\b/i;

class AliceLines implements LineParser {
  private readonly ids: EventIds = {};
  private prev: EventTime | undefined;
  private javaTime: EventTime | undefined;
  private agentStarted = false;
  private running: string | undefined;
  constructor(private readonly ctx: ParseContext) {
    // The worker node from the input path until the log names it.
    const host = hostFromPath(ctx.input);
    if (host) this.ids.host = host;
  }

  line(line: RedactedLine): EventDraft[] {
    const text = line.text.trim();
    if (!text) return [];
    const jh = JAVA_HEAD.exec(text);
    if (jh) {
      let hour = Number(jh[4]) % 12;
      if (jh[7] === 'PM') hour += 12;
      this.javaTime = assumedTime(text.slice(0, text.indexOf(jh[7]!) + 2), this.ctx.tz, {
        year: Number(jh[3]), month: monthNumber(jh[1]!) ?? 1, day: Number(jh[2]), hour, minute: Number(jh[5]), second: Number(jh[6]),
      });
      this.prev = this.javaTime;
      return [];
    }
    let time: EventTime | undefined;
    let msg: string;
    const iso = ISO_LINE.exec(text);
    const jm = JAVA_MSG.exec(text);
    if (iso) {
      time = isoTime(iso[1]!, this.ctx);
      msg = iso[2]!;
    } else if (jm && this.javaTime) {
      time = this.javaTime;
      msg = jm[2]!;
    } else if (this.prev && !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text)) {
      time = { ...this.prev, assumed: `${this.prev.assumed ?? ''}; continuation of the previous line`.replace(/^; /, '') };
      msg = text;
    } else {
      this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'not a JobAgent log line' });
      return [];
    }
    if (!time) {
      this.ctx.problem({ code: 'time.unparsed', line: line.line, message: 'unreadable timestamp' });
      return [];
    }
    if (iso) this.prev = time;
    return this.message(line, msg, time);
  }

  private message(line: RedactedLine, msg: string, time: EventTime): EventDraft[] {
    let kind: EventKind | undefined;
    let summary = '';
    const agent = AGENT.exec(msg);
    if (agent) this.ids.pilotId = agent[1] ?? agent[2];
    const host = HOST.exec(msg);
    if (host) this.ids.host = host[1]!.toLowerCase();
    if (!this.agentStarted && AGENT_START.test(msg)) {
      this.agentStarted = true;
      kind = 'pilot.start';
      summary = 'ALICE JobAgent started';
    }
    const q = QUEUE.exec(msg);
    if (q) {
      const user = USER.exec(msg)?.[1];
      if (user) this.ids.user = user;
      if (q[1] !== this.running) {
        this.running = q[1];
        this.ids.payloadId = q[1];
        const resub = RESUB.exec(msg)?.[1];
        kind = 'payload.start';
        summary = `ALICE job ${q[1]}${resub ? ` (resubmission ${resub})` : ''} of ${this.ids.user ?? '?'} started`;
      }
    } else if (this.running && PAYLOAD_END.test(msg)) {
      kind = 'payload.end';
      summary = `ALICE job ${this.running} ended: ${msg.slice(0, 100)}`;
      this.running = undefined;
    }
    const out: EventDraft[] = [];
    if (kind) out.push(makeEvent(line, kind, time, { ...this.ids }, summary));
    if (hasSecret(line)) out.push(exposureEvent(line, time, { ...this.ids }, 'an ALICE JobAgent log'));
    return out;
  }

  end(): EventDraft[] {
    return [];
  }
}

export const aliceJobAgentParser: LogParser = {
  id: 'alice.jobagent',
  label: 'ALICE JAliEn JobAgent log',
  detect(sample) {
    const lines = sample.head.filter((l) => l.trim());
    // DIRAC also has a `WorkloadManagement/JobAgent`: only AliEn markers count.
    if (lines.some((l) => /WorkloadManagement\/|\| (INFO|DEBUG) /.test(l))) return 0;
    if (!lines.some((l) => /queueid=\d+|alien\.site\.|JAliEn|AliEn|JobAgent/i.test(l))) return 0;
    const timed = lines.filter((l) => ISO_LINE.test(l.trim()) || JAVA_HEAD.test(l.trim()) || JAVA_MSG.test(l.trim())).length;
    return Math.min(0.9, 0.4 + (0.5 * timed) / lines.length);
  },
  open: (ctx) => new AliceLines(ctx),
};
