/**
 * HTCondor-CE JobRouterLog (DOMAIN.md §2.5): `JobRouter (src=<c.p>,dest=<c.p>,route=<name>): <event>`.
 * `submitted job` / `claimed job` / `adopted orphaned job` → job.route (CE job → routed batch job);
 * `finalized job`, `found target job finished`, `dest job was removed!`, `found src job marked for
 * removal` → job.end; other descriptor lines (status updates, clean-up, failures) → log. Lines with
 * a valid header but no descriptor are router chatter (config, route table) and are skipped.
 */
import type { EventDraft, EventKind } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { InputSample, LineParser, LogParser, ParseContext } from '../../model/parser';
import { guardExposures } from '../common/exposure';
import { countCondorLines, parseCondorLine } from '../common/htcondor-line';
import { baseName, hostFromPath } from '../common/identity';

const DESCRIPTOR = /^JobRouter( failure)? \(([^)]*)\): ?(.*)$/;
const ROUTE_EVENTS = /^(submitted job|claimed job|adopted orphaned job)/;
const END_EVENTS = /^(finalized job|found target job finished|dest job was removed|found src job marked for removal)/;

function detect(sample: InputSample): number {
  const byName = /^JobRouterLog(\.|$)/.test(baseName(sample.name));
  const { condor, hints: router } = countCondorLines(sample.head, (c) => /^JobRouter( failure)? \(src=/.test(c.message) || /^JobRouter::/.test(c.message));
  if (router > 0) return byName ? 0.99 : 0.9;
  return byName && (condor > 0 || sample.head.length === 0) ? 0.9 : 0;
}

function fields(desc: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of desc.split(',')) {
    const eq = kv.indexOf('=');
    if (eq > 0) out[kv.slice(0, eq).trim()] = kv.slice(eq + 1).trim();
  }
  return out;
}

function open(ctx: ParseContext): LineParser {
  const host = hostFromPath(ctx.input);
  return {
    line(rl) {
      if (!rl.text.trim()) return [];
      const h = parseCondorLine(rl.text, ctx.tz);
      if (!h) {
        ctx.problem({ code: 'line.malformed', line: rl.line, message: 'not an HTCondor log line (no timestamp header)' });
        return [];
      }
      const m = DESCRIPTOR.exec(h.message);
      if (!m) return [];
      const f = fields(m[2]);
      const what = m[3].trim();
      const ids: EventIds = {};
      if (host) ids.host = host;
      if (f.src) ids.ceJobId = f.src;
      if (f.dest) ids.batchJobId = f.dest;
      const fps = rl.secrets.map((s) => s.token.fp);
      if (fps.length) ids.tokenFps = fps;
      let kind: EventKind = 'log';
      if (!m[1] && ROUTE_EVENTS.test(what)) kind = 'job.route';
      else if (!m[1] && END_EVENTS.test(what)) kind = 'job.end';
      const route = f.route ? ` via route ${f.route.slice(0, 80)}` : '';
      const summary =
        kind === 'job.route'
          ? `CE job ${f.src ?? '?'} ${what}${f.dest ? ` as ${f.dest}` : ''}${route}`
          : `JobRouter${m[1] ?? ''}: ${what.slice(0, 120)} (src ${f.src ?? '?'}${f.dest ? `, dest ${f.dest}` : ''}${route})`;
      const d: EventDraft = { time: h.time, kind, ids, text: rl.text, summary };
      if (m[1]) d.severity = 'low';
      return [d];
    },
    end: () => [],
  };
}

/** HTCondor-CE JobRouterLog. */
export const jobRouterParser: LogParser = guardExposures(
  { id: 'htcondor.jobrouter', label: 'HTCondor-CE JobRouterLog', detect, open },
  (text, tz) => parseCondorLine(text, tz)?.time,
);
