/** ARC A-REX job log (arex-jobs.log): one Started and one Finished line per job; see README.md. */
import type { EventIds } from '../../model/ids';
import type { InputSample, LineParser, LogParser, ParseContext } from '../../model/parser';
import { guardExposures } from '../common/exposure';
import { baseName, hostFromPath } from '../common/identity';
import { wallTime } from '../common/wall-time';
import { ownerIds } from './owner';

const LINE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) (Started|Finished) - job id: ([^,]+), (.*)$/;

function detect(sample: InputSample): number {
  const byName = /^(arex-jobs|jobs)\.log(\.\d+)?$/.test(baseName(sample.name));
  const hits = sample.head.filter((l) => LINE.test(l)).length;
  if (hits > 0) return byName ? 0.99 : 0.9;
  return byName && sample.head.length === 0 ? 0.5 : 0;
}

/** `unix user: 41001:41000, name: "x", owner: "y", lrms: slurm, queue: grid, lrmsid: 884512` → fields. */
function fields(rest: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of rest.matchAll(/([a-z ]+): ("(?:[^"\\]|\\.)*"|[^,]*)(?:, |$)/g)) {
    const v = m[2].startsWith('"') ? m[2].slice(1, -1) : m[2];
    out[m[1].trim()] = v.trim();
  }
  return out;
}

function open(ctx: ParseContext): LineParser {
  const host = hostFromPath(ctx.input);
  return {
    line(rl) {
      if (!rl.text.trim()) return [];
      const m = LINE.exec(rl.text);
      if (!m) {
        ctx.problem({ code: 'line.malformed', line: rl.line, message: 'not an A-REX job log line (Started/Finished - job id: …)' });
        return [];
      }
      const time = wallTime(`${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}`, ctx.tz, {
        year: Number(m[1]),
        month: Number(m[2]),
        day: Number(m[3]),
        hour: Number(m[4]),
        minute: Number(m[5]),
        second: Number(m[6]),
      });
      const f = fields(m[9]);
      const ids: EventIds = { ...(host ? { host } : {}), arcJobId: m[8].trim(), ...ownerIds(f.owner ?? '') };
      if (f.lrmsid) ids.batchJobId = f.lrmsid;
      const fps = rl.secrets.map((s) => s.token.fp);
      if (fps.length) ids.tokenFps = fps;
      const started = m[7] === 'Started';
      const who = ids.sub ?? ids.dn ?? f.owner ?? '?';
      const summary = started
        ? `ARC job ${ids.arcJobId} accepted for ${who} (unix user ${f['unix user'] ?? '?'}, ${f.lrms ?? '?'}/${f.queue ?? '?'})`
        : `ARC job ${ids.arcJobId} finished${f.lrmsid ? ` (batch id ${f.lrmsid})` : ''}${f.failure ? `: ${f.failure.slice(0, 120)}` : ''}`;
      return [{ time, kind: started ? 'job.submit' : 'job.end', ids, text: rl.text, summary, ...(f.failure ? { severity: 'low' as const } : {}) }];
    },
    end: () => [],
  };
}

/** ARC A-REX arex-jobs.log. */
export const arexJobsParser: LogParser = guardExposures({ id: 'arc.jobs', label: 'ARC A-REX job log', detect, open }, (text, tz) => {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) /.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, hh, mi, ss] = m.map(Number);
  return wallTime(m[0].trim(), tz, { year: y, month: mo, day: d, hour: hh, minute: mi, second: ss });
});
