/** HTCondor StartLog (startd on a worker node); see README.md. */
import type { EventDraft, EventKind } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { InputSample, LineParser, LogParser, ParseContext } from '../../model/parser';
import { guardExposures } from '../common/exposure';
import { countCondorLines, parseCondorLine } from '../common/htcondor-line';
import { baseName } from '../common/identity';
import { NodeIdentity } from './node';

interface Slot {
  owner?: string;
  jobId?: string;
  globalJobId?: string;
}

const SLOT = /^(slot\d+(?:_\d+)?): (.*)$/;

function detect(sample: InputSample): number {
  const byName = /^StartLog(\.|$)/.test(baseName(sample.name));
  const { condor, hints: startd } = countCondorLines(sample.head, (c) => SLOT.test(c.message) || /\(CONDOR_STARTD\)/.test(c.message));
  if (startd > 0) return byName ? 0.99 : 0.85;
  return byName && (condor > 0 || sample.head.length === 0) ? 0.9 : 0;
}

function open(ctx: ParseContext): LineParser {
  const node = new NodeIdentity(ctx.input);
  const slots = new Map<string, Slot>();
  return {
    line(rl) {
      if (!rl.text.trim()) return [];
      const h = parseCondorLine(rl.text, ctx.tz);
      if (!h) {
        ctx.problem({ code: 'line.malformed', line: rl.line, message: 'not an HTCondor log line (no timestamp header)' });
        return [];
      }
      if (node.learn(h.message)) return [];
      const ev = (kind: EventKind, summary: string, extra: EventIds): EventDraft[] => {
        const ids: EventIds = { ...node.ids(), ...extra };
        const fps = rl.secrets.map((s) => s.token.fp);
        if (fps.length) ids.tokenFps = fps;
        return [{ time: h.time, kind, ids, text: rl.text, summary }];
      };
      const starter = /^Starter pid (\d+) exited with status (-?\d+)/.exec(h.message);
      if (starter) return ev('log', `starter ${starter[1]} exited with status ${starter[2]}`, { status: starter[2] });
      const sm = SLOT.exec(h.message);
      if (!sm) return [];
      const slotName = sm[1];
      const msg = sm[2];
      let s = slots.get(slotName);
      if (!s) {
        s = {};
        slots.set(slotName, s);
      }
      const jobIds = (): EventIds => {
        const ids: EventIds = { slot: slotName };
        if (s.jobId) ids.batchJobId = s.jobId;
        if (s.globalJobId) ids.globalJobId = s.globalJobId;
        if (s.owner) ids.user = s.owner;
        return ids;
      };
      let m = /^Remote owner is (\S+)/.exec(msg);
      if (m) {
        // A new claim: forget the previous job of this slot.
        s.owner = m[1].split('@')[0];
        s.jobId = undefined;
        s.globalJobId = undefined;
        return [];
      }
      m = /^Remote job ID is (\d+\.\d+)/.exec(msg);
      if (m) {
        s.jobId = m[1];
        return [];
      }
      m = /^Remote global job ID is (\S+)/.exec(msg);
      if (m) {
        s.globalJobId = m[1];
        return [];
      }
      m = /^Got activate_claim request from shadow \(([^)]*)\)/.exec(msg);
      if (m) return ev('log', `${slotName} activated by shadow at ${m[1]}`, jobIds());
      m = /^Changing (?:state and )?activity: (\S+) -> (\S+)/.exec(msg);
      if (m) {
        const from = m[1].split('/').pop();
        const to = m[2].split('/').pop();
        const job = s.jobId ?? 'a job';
        if (from !== 'Busy' && to === 'Busy') return ev('job.start', `${job} started on ${slotName}`, jobIds());
        if (from === 'Busy' && to !== 'Busy') return ev('job.end', `${job} finished on ${slotName}`, jobIds());
      }
      return [];
    },
    end: () => [],
  };
}

/** HTCondor startd StartLog. */
export const startLogParser: LogParser = guardExposures(
  { id: 'htcondor.startlog', label: 'HTCondor StartLog', detect, open },
  (text, tz) => parseCondorLine(text, tz)?.time,
);
