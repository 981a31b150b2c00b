/** HTCondor StarterLog[.slotN] (one starter per job on a worker node); see README.md. */
import type { EventDraft, EventKind } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { InputSample, LineParser, LogParser, ParseContext } from '../../model/parser';
import { guardExposures } from '../common/exposure';
import { countCondorLines, parseCondorLine } from '../common/htcondor-line';
import { baseName } from '../common/identity';
import { NodeIdentity } from './node';

const STARTER =
  /^(Starting a \w+ universe job with ID: |Communicating with shadow <|Job \d+\.\d+ set to execute immediately|All jobs have exited|\*\* condor_starter \(CONDOR_STARTER\)|\*\*\*\* condor_starter \(condor_STARTER\))/;

function detect(sample: InputSample): number {
  const byName = /^StarterLog(\.slot\d+(_\d+)?)?(\.old)?$/.test(baseName(sample.name));
  const { condor, hints: starter } = countCondorLines(sample.head, (c) => STARTER.test(c.message));
  if (starter > 0) return byName ? 0.99 : 0.85;
  return byName && (condor > 0 || sample.head.length === 0) ? 0.9 : 0;
}

function open(ctx: ParseContext): LineParser {
  const node = new NodeIdentity(ctx.input);
  const slot = /^StarterLog\.(slot\d+(?:_\d+)?)/.exec(baseName(ctx.input))?.[1];
  let job: string | undefined;
  let shadow: string | undefined;
  return {
    line(rl) {
      if (!rl.text.trim()) return [];
      const h = parseCondorLine(rl.text, ctx.tz);
      if (!h) {
        ctx.problem({ code: 'line.malformed', line: rl.line, message: 'not an HTCondor log line (no timestamp header)' });
        return [];
      }
      const msg = h.message;
      if (node.learn(msg)) return [];
      const ev = (kind: EventKind, summary: string, extra: EventIds = {}): EventDraft[] => {
        const ids: EventIds = { ...node.ids() };
        if (slot) ids.slot = slot;
        if (job) ids.batchJobId = job;
        Object.assign(ids, extra);
        const fps = rl.secrets.map((s) => s.token.fp);
        if (fps.length) ids.tokenFps = fps;
        return [{ time: h.time, kind, ids, text: rl.text, summary }];
      };
      let m = /^Communicating with shadow (<[^>]*>)/.exec(msg);
      if (m) {
        // A new job starts with the shadow handshake: forget the previous one.
        job = undefined;
        shadow = m[1];
        return ev('log', `starter contacted by shadow ${m[1].slice(0, 80)}`);
      }
      m = /^Job (\d+\.\d+) set to execute immediately/.exec(msg);
      if (m) {
        job = m[1];
        return ev('log', `job ${m[1]} set to execute`);
      }
      m = /^Starting a (\w+) universe job with ID: (\d+\.\d+)/.exec(msg);
      if (m) {
        job = m[2];
        return ev('job.start', `${m[1]} universe job ${m[2]} started${slot ? ` in ${slot}` : ''}${shadow ? ` for shadow ${shadow.slice(0, 60)}` : ''}`);
      }
      if (msg.startsWith('All jobs have exited')) return ev('job.end', `job ${job ?? '?'} exited`);
      m = /^\*+ condor_starter \(condor_STARTER\) pid (\d+) EXITING WITH STATUS (-?\d+)/i.exec(msg);
      if (m) {
        const out = ev('log', `starter ${m[1]} exited with status ${m[2]}`, { status: m[2] });
        job = undefined;
        return out;
      }
      return [];
    },
    end: () => [],
  };
}

/** HTCondor starter StarterLog / StarterLog.slotN. */
export const starterLogParser: LogParser = guardExposures(
  { id: 'htcondor.starterlog', label: 'HTCondor StarterLog', detect, open },
  (text, tz) => parseCondorLine(text, tz)?.time,
);
