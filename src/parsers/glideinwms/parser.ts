/**
 * glideinWMS glidein stdout (`job.<cluster>.<proc>.out` at the factory, or the batch job's stdout
 * on the site). Strings checked against glideinWMS `glidein_startup.sh`: the header
 * `Starting glidein_startup.sh at <date> (<epoch>)`, `name = 'value'` lines (condorg_cluster,
 * condorg_subcluster, condorg_schedd, glidein_uuid, glidein_factory, glidein_name, glidein_entry,
 * client_name, client_group), `Running on <uname -n>`, and the tail
 * `=== Glidein ending <date> (<epoch>) with code <n> after <s> ===`.
 * Everything else in the file is the output of the glidein's scripts: free text, skipped. The
 * HTCondor logs a glidein's `.err` embeds (gzip | uuencode) are read by ingestion as members of it
 * (src/ingest/embedded.ts), each by its own parser.
 */
import type { EventDraft } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { InputSample, LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventTime } from '../../model/time';
import { guardExposures } from '../common/exposure';
import { assumedTime, monthNumber } from '../common/time';
import { baseName } from '../common/identity';

const START = /^Starting glidein_startup\.sh at (.*?)\s*(?:\((\d{9,11})\))?\s*$/;
const END = /^=== Glidein ending (.*?)\s*\((\d{9,11})\) with code (-?\d+) after (\d+) ===/;
const FIELD = /^([a-z_/]+?)\s*= '(.*)'$/;

function detect(sample: InputSample): number {
  const head = sample.head.some((l) => START.test(l.trim()));
  if (head) return 0.97;
  const byName = /^(job\.\d+\.\d+\.out|glidein_startup.*\.out)$/.test(baseName(sample.name));
  const fields = sample.head.filter((l) => /^(condorg_schedd|glidein_factory|glidein_entry)\s*= '/.test(l)).length;
  return byName && fields > 0 ? 0.8 : 0;
}

/** `Mon Nov 23 13:05:01 UTC 2026` (the `date` default) → time; the zone word is only trusted for UTC/GMT. */
function dateOutput(text: string, tz: string): EventTime | undefined {
  const m = /^\w{3} (\w{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\S+) (\d{4})$/.exec(text.trim());
  const month = m ? monthNumber(m[1]) : undefined;
  if (!m || !month) return undefined;
  const f = { year: Number(m[7]), month, day: Number(m[2]), hour: Number(m[3]), minute: Number(m[4]), second: Number(m[5]) };
  if (m[6] === 'UTC' || m[6] === 'GMT') return { ts: Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second), text };
  return assumedTime(text, tz, f);
}

function timeOf(dateText: string, epoch: string | undefined, tz: string): EventTime | undefined {
  if (epoch) return { ts: Number(epoch) * 1000, text: `${dateText} (${epoch})`.trim() };
  return dateOutput(dateText, tz);
}

interface Pending {
  rl: RedactedLine;
  time: EventTime;
  fields: Map<string, string>;
  host?: string;
}

function open(ctx: ParseContext): LineParser {
  let pending: Pending | undefined;
  let pilotIds: EventIds = {};
  let sawHeader = false;

  const idsOf = (p: Pending): EventIds => {
    const ids: EventIds = {};
    if (p.host) ids.host = p.host;
    const cluster = p.fields.get('condorg_cluster');
    const proc = p.fields.get('condorg_subcluster');
    if (cluster) ids.pilotId = proc ? `${cluster}.${proc}` : cluster;
    return ids;
  };
  const emitStart = (): EventDraft[] => {
    const p = pending;
    pending = undefined;
    if (!p) return [];
    pilotIds = idsOf(p);
    const f = p.fields;
    const parts = [`glidein ${pilotIds.pilotId ?? f.get('glidein_uuid') ?? '?'} started`];
    if (p.host) parts.push(`on ${p.host}`);
    if (f.get('condorg_schedd')) parts.push(`from factory schedd ${f.get('condorg_schedd')}`);
    if (f.get('glidein_entry')) parts.push(`entry ${f.get('glidein_entry')}`);
    if (f.get('client_name')) parts.push(`frontend ${f.get('client_name')}`);
    if (f.get('glidein_uuid')) parts.push(`uuid ${f.get('glidein_uuid')}`);
    return [{ time: p.time, kind: 'pilot.start', ids: { ...pilotIds }, text: p.rl.text, summary: parts.join(', '), src: { line: p.rl.line } }];
  };

  return {
    line(rl) {
      const t = rl.text.trim();
      let m = START.exec(t);
      if (m) {
        const out = emitStart();
        const time = timeOf(m[1], m[2], ctx.tz);
        sawHeader = true;
        if (!time) {
          ctx.problem({ code: 'time.unparsed', line: rl.line, message: `glidein start time not readable: ${m[1].slice(0, 80)}` });
          return out;
        }
        pending = { rl, time, fields: new Map() };
        return out;
      }
      if (pending) {
        m = FIELD.exec(t);
        if (m) {
          pending.fields.set(m[1], m[2]);
          return [];
        }
        m = /^Running on (\S+)/.exec(t);
        if (m) {
          pending.host = m[1].toLowerCase();
          return emitStart();
        }
      }
      m = END.exec(t);
      if (m) {
        const out = emitStart();
        const ids: EventIds = { ...pilotIds, status: m[3] };
        out.push({
          time: { ts: Number(m[2]) * 1000, text: `${m[1]} (${m[2]})` },
          kind: 'pilot.end',
          ids,
          text: rl.text,
          summary: `glidein ${ids.pilotId ?? '?'} ended with code ${m[3]} after ${m[4]} s`,
        });
        return out;
      }
      return [];
    },
    end() {
      if (!sawHeader) ctx.problem({ code: 'line.malformed', line: 1, message: 'no "Starting glidein_startup.sh at" header in this glidein log' });
      return emitStart();
    },
  };
}

/** glideinWMS glidein startup log (glidein_startup.sh stdout). */
export const glideinParser: LogParser = guardExposures(
  { id: 'glideinwms.startup', label: 'glideinWMS glidein startup log', detect, open },
  (text, tz) => {
    const t = text.trim();
    const s = START.exec(t);
    if (s) return timeOf(s[1], s[2], tz);
    const e = END.exec(t);
    return e ? { ts: Number(e[2]) * 1000, text: `${e[1]} (${e[2]})` } : undefined;
  },
);
