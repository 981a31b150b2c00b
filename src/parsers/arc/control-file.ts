/** ARC job control file `job.<ID>.local` (key=value): one job.submit per file; see README.md. */
import type { EventDraft } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { InputSample, LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventTime } from '../../model/time';
import { tokenExposure } from '../common/exposure';
import { baseName } from '../common/identity';
import { ownerIds } from './owner';

const KV = /^([a-z_]+)=(.*)$/;
const KNOWN = new Set(['globalid', 'headnode', 'headhost', 'interface', 'lrms', 'queue', 'localid', 'subject', 'starttime', 'clientname', 'sessiondir', 'jobname', 'delegationid']);

function detect(sample: InputSample): number {
  const byName = /^job\.[A-Za-z0-9]+\.local$/.test(baseName(sample.name));
  const known = sample.head.filter((l) => KNOWN.has(KV.exec(l)?.[1] ?? '')).length;
  if (byName && known > 0) return 0.99;
  if (known >= 4 && sample.head.some((l) => l.startsWith('globalid='))) return 0.85;
  return 0;
}

/** `20261123130211Z` → UTC time. */
function genTime(v: string): EventTime | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(v.trim());
  if (!m) return undefined;
  return { ts: Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]), text: v.trim() };
}

/** `203.0.113.5:41234`, `[2001:db8::5]:41234`, `host.example.org:1234` → ip or host. */
function client(v: string): EventIds {
  const t = v.trim();
  const v6 = /^\[([0-9a-fA-F:.]+)\](?::\d+)?$/.exec(t);
  if (v6) return { ip: v6[1].toLowerCase() };
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(t);
  if (v4) return { ip: v4[1] };
  const h = /^([A-Za-z0-9.-]+)(?::\d+)?$/.exec(t);
  return h ? { clientHost: h[1].toLowerCase() } : {};
}

function open(ctx: ParseContext): LineParser {
  const kv = new Map<string, { value: string; rl: RedactedLine }>();
  const fileId = /^job\.([A-Za-z0-9]+)\.local$/.exec(baseName(ctx.input))?.[1];
  let first: RedactedLine | undefined;
  const secretLines: RedactedLine[] = [];
  return {
    line(rl) {
      if (!rl.text.trim()) return [];
      const m = KV.exec(rl.text);
      if (!m) {
        ctx.problem({ code: 'line.malformed', line: rl.line, message: 'not a key=value control file line' });
        // A credential in it is still reported, at end() with the file's start time.
        if (rl.secrets.length) secretLines.push(rl);
        return [];
      }
      first ??= rl;
      if (rl.secrets.length) secretLines.push(rl);
      if (!kv.has(m[1])) kv.set(m[1], { value: m[2], rl });
      return [];
    },
    end() {
      if (!first) return [];
      const get = (k: string) => kv.get(k)?.value.trim() || undefined;
      const evidence = kv.get('subject')?.rl ?? first;
      const time = genTime(get('starttime') ?? '');
      if (!time) {
        ctx.problem({ code: 'time.unparsed', line: kv.get('starttime')?.rl.line ?? first.line, message: 'control file without a readable starttime' });
        return [];
      }
      const globalId = get('globalid');
      const arcJobId = fileId ?? globalId?.split('/').pop();
      const ids: EventIds = { ...ownerIds(get('subject') ?? ''), ...client(get('clientname') ?? '') };
      if (arcJobId) ids.arcJobId = arcJobId;
      const head = get('headhost') ?? (get('headnode') ? /^\w+:\/\/([^:/]+)/.exec(get('headnode') ?? '')?.[1] : undefined);
      if (head) ids.host = head.toLowerCase();
      if (get('localid')) ids.batchJobId = get('localid');
      const fps = evidence.secrets.map((s) => s.token.fp);
      if (fps.length) ids.tokenFps = fps;
      const who = ids.sub ?? ids.dn ?? '?';
      const summary = `ARC job ${arcJobId ?? '?'} submitted by ${who}${ids.ip ? ` from ${ids.ip}` : ''} via ${get('interface') ?? '?'} to ${get('lrms') ?? '?'}/${get('queue') ?? '?'}`;
      const out: EventDraft[] = [{ time, kind: 'job.submit', ids, text: evidence.text, summary, src: { line: evidence.line } }];
      const t = { ...time, assumed: 'job start time of this control file' };
      for (const rl of secretLines) if (rl !== evidence) out.push(...tokenExposure(rl, t, { arcJobId: ids.arcJobId }));
      return out;
    },
  };
}

/** ARC job.<ID>.local control files. */
export const arcControlParser: LogParser = { id: 'arc.control', label: 'ARC job control file', detect, open };
