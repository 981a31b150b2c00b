/** ARC A-REX main log (arex.log); see README.md. */
import type { EventDraft, EventKind } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { InputSample, LineParser, LogParser, ParseContext } from '../../model/parser';
import { guardExposures } from '../common/exposure';
import { baseName, hostFromPath } from '../common/identity';
import { wallTime } from '../common/wall-time';
import { ownerIds } from './owner';

const LINE = /^\[(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\] \[([^\]]*)\] \[([A-Z]+)\] \[(\d+\/\d+)\] (.*)$/;
const STATE = /^([A-Za-z0-9]{10,}): State: ([A-Z]+)(?: from ([A-Z]+))?/;

function timeOf(m: RegExpExecArray, tz: string) {
  const [, y, mo, d, hh, mi, ss] = m;
  return wallTime(`${y}-${mo}-${d} ${hh}:${mi}:${ss}`, tz, {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(hh),
    minute: Number(mi),
    second: Number(ss),
  });
}

function detect(sample: InputSample): number {
  const byName = /^(arex|grid-manager|gm)\.log(\.\d+)?$/.test(baseName(sample.name));
  const hits = sample.head.filter((l) => LINE.test(l)).length;
  if (hits > 0 && sample.head.some((l) => /\] \[Arc\./.test(l))) return byName ? 0.99 : 0.9;
  if (byName && hits > 0) return 0.8;
  return 0;
}

function open(ctx: ParseContext): LineParser {
  const host = hostFromPath(ctx.input);
  return {
    line(rl) {
      if (!rl.text.trim()) return [];
      const m = LINE.exec(rl.text);
      if (!m) {
        ctx.problem({ code: 'line.malformed', line: rl.line, message: 'not an A-REX log line ([time] [domain] [LEVEL] [pid/thread])' });
        return [];
      }
      const [, , , , , , , domain, level, , msg] = m;
      const time = timeOf(m, ctx.tz);
      const ev = (kind: EventKind, summary: string, ids: EventIds): EventDraft[] => {
        const all: EventIds = { ...(host ? { host } : {}), ...ids };
        const fps = rl.secrets.map((s) => s.token.fp);
        if (fps.length) all.tokenFps = fps;
        const e: EventDraft = { time, kind, ids: all, text: rl.text, summary };
        if (level === 'ERROR' || level === 'FATAL') e.severity = 'low';
        return [e];
      };
      let x = /^OTokens: Handle: attributes created: subject = (\S+)/.exec(msg);
      if (x) return ev('token.use', `token presented to A-REX by ${x[1]}`, ownerIds(x[1]));
      x = /^Using local account '([^']*)'/.exec(msg);
      if (x) return ev('log', `request mapped to local account ${x[1]}`, { user: x[1] });
      const s = STATE.exec(msg);
      if (s) {
        const kind: EventKind = s[2] === 'INLRMS' ? 'job.start' : s[2] === 'FINISHED' ? 'job.end' : 'log';
        return ev(kind, `ARC job ${s[1]} state ${s[3] ? `${s[3]} -> ` : ''}${s[2]}`, { arcJobId: s[1] });
      }
      if (domain === 'Arc.OTokens' && (level === 'ERROR' || level === 'WARNING')) return ev('token.reject', `OTokens: ${msg.slice(0, 160)}`, {});
      return [];
    },
    end: () => [],
  };
}

/** ARC A-REX arex.log. */
export const arexLogParser: LogParser = guardExposures({ id: 'arc.arex', label: 'ARC A-REX log', detect, open }, (text, tz) => {
  const m = LINE.exec(text);
  return m ? timeOf(m, tz) : undefined;
});
