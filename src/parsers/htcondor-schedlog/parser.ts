/**
 * HTCondor / HTCondor-CE SchedLog (DOMAIN.md §2.3, D_SECURITY strings). SchedLog is chatty free
 * text: the parser turns the SciToken mapping lines into token.use / token.reject and the shadow
 * start/exit lines into `log` events naming the job and the execute node; every other line with a
 * valid HTCondor header is ordinary daemon chatter and is skipped on purpose. Lines without a
 * header are reported as `line.malformed`.
 */
import type { EventDraft } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { InputSample, LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventTime } from '../../model/time';
import { guardExposures } from '../common/exposure';
import { countCondorLines, parseCondorLine } from '../common/htcondor-line';
import { baseName, hostFromPath, splitSlotHost, voFromIssuer } from '../common/identity';
import { findSinful } from '../common/sinful';

const SCHEDD_HINT =
  /(SCITOKENS|SciToken|Started shadow for job|Shadow pid \d+ for job|condor_schedd|\(CONDOR_SCHEDD\)|JWT not found in database|Negotiating for owner|Match record)/;

const INTERESTING = /^(Mapped SCITOKENS|Failed to map SCITOKENS|JWT not found|SCITOKENS error|SciToken is mapped|Started shadow|Shadow pid|Token discovery failure|Found SciToken)/;

function detect(sample: InputSample): number {
  const name = baseName(sample.name);
  const byName = /^SchedLog(\.|$)/.test(name);
  const { condor, hints } = countCondorLines(sample.head, (c) => SCHEDD_HINT.test(c.message) && c.cid === undefined);
  if (byName) return condor > 0 || sample.head.length === 0 ? 0.95 : 0.3;
  // Without the name, a schedd banner or token-mapping lines are needed; AuditLog lines carry cids.
  return hints > 0 && condor >= sample.head.filter((l) => l.trim()).length / 2 ? 0.6 : 0;
}

/** `<iss>,<sub>` (m_scitokens_auth_name) → iss + sub. */
function splitAuthName(s: string): { iss?: string; sub?: string } {
  const comma = s.indexOf(',');
  return comma > 0 ? { iss: s.slice(0, comma), sub: s.slice(comma + 1) } : { sub: s };
}

/**
 * `{ host, ...ids }` without its undefined fields. Speed: built field by field; a spread followed
 * by `delete` was a quarter of this parser's time (V8 builds merged spreads slowly, and `delete`
 * turns the object into a slow dictionary).
 */
function definedIds(host: string | undefined, ids: EventIds): EventIds {
  const all: Record<string, unknown> = host ? { host } : {};
  for (const k in ids) {
    const v = ids[k as keyof EventIds];
    if (v !== undefined) all[k] = v;
    else if (k === 'host') delete all[k]; // an explicit `host: undefined` drops the host, as the spread did
  }
  return all as EventIds;
}

/**
 * The line's one event (host first, undefined ids dropped, the line's credential fingerprints).
 * A module function, not a closure per line: under tsx (the CLI) each closure also costs a
 * `__name` property definition.
 */
function schedEvent(rl: RedactedLine, time: EventTime, host: string | undefined, kind: EventDraft['kind'], summary: string, ids: EventIds, severity?: EventDraft['severity']): EventDraft[] {
  const all = definedIds(host, ids);
  if (rl.secrets.length) all.tokenFps = rl.secrets.map((s) => s.token.fp);
  const d: EventDraft = { time, kind, ids: all, text: rl.text, summary };
  if (severity) d.severity = severity;
  return [d];
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
      const msg = h.message;
      // SchedLog is mostly chatter: one cheap test before the specific patterns.
      if (!INTERESTING.test(msg)) return [];
      // `(?: |$)`: the user ends at a space or the message end (as matching `${msg} ` with `,? ` did, without the copy).
      let m = /^Mapped SCITOKENS authenticated identity '([^']*)' to (\S+?),?(?: |$)/.exec(msg);
      if (m) {
        const id = splitAuthName(m[1]);
        const user = m[2].split('@')[0];
        return schedEvent(rl, h.time, host, 'token.use', `SciToken of ${id.sub ?? m[1]} mapped to ${m[2]}`, Object.assign(id, { user, vo: voFromIssuer(id.iss) }));
      }
      m = /^Failed to map SCITOKENS authenticated identity '([^']*)'/.exec(msg);
      if (m) {
        const id = splitAuthName(m[1]);
        return schedEvent(rl, h.time, host, 'token.reject', `SciToken of ${id.sub ?? m[1]} could not be mapped to a local user`, id, 'medium');
      }
      m = /^JWT not found in database \(jti=([^)]*)\)/.exec(msg);
      if (m) return schedEvent(rl, h.time, host, 'token.reject', `token with jti ${m[1]} not known to the token database`, { jti: m[1] }, 'medium');
      m = /^SCITOKENS error: (.*)$/.exec(msg);
      if (m) return schedEvent(rl, h.time, host, 'token.reject', `SciToken rejected: ${m[1].slice(0, 160)}`, {}, 'low');
      m = /^SciToken is mapped to issuer '([^']*)'/.exec(msg);
      if (m) return schedEvent(rl, h.time, host, 'log', `SciToken from issuer ${m[1]}`, { iss: m[1] });
      m = /^Started shadow for job (\d+\.\d+) on "?([^"]*)"?, \(shadow pid = (\d+)\)/.exec(msg);
      if (m) {
        // The peer is the startd's sinful string; older schedds print `slot1@host <sinful>`.
        const ids: EventIds = { ceJobId: m[1] };
        const sinful = findSinful(m[2]);
        const slotHost = /^(\S+@\S+)/.exec(m[2]);
        if (slotHost) {
          const sh = splitSlotHost(slotHost[1]);
          if (sh.host) ids.workerNode = sh.host;
          if (sh.slot) ids.slot = sh.slot;
        } else if (sinful?.alias) ids.workerNode = sinful.alias;
        const where = ids.workerNode ?? sinful?.ip ?? m[2];
        return schedEvent(rl, h.time, host, 'log', `shadow started for job ${m[1]} on ${where}`, ids);
      }
      m = /^Shadow pid (\d+) for job (\d+\.\d+) exited with status (\d+)/.exec(msg);
      if (m) return schedEvent(rl, h.time, host, 'log', `shadow for job ${m[2]} exited with status ${m[3]}`, { ceJobId: m[2], status: m[3] });
      m = /^(?:Token discovery failure|Found SciToken condor authorization): (.*)$/.exec(msg);
      if (m) return schedEvent(rl, h.time, host, 'log', msg.slice(0, 160), {});
      return [];
    },
    end: () => [],
  };
}

/** HTCondor / HTCondor-CE SchedLog (token mapping and shadow lines). */
export const schedLogParser: LogParser = guardExposures(
  { id: 'htcondor.schedlog', label: 'HTCondor SchedLog', detect, open },
  (text, tz) => parseCondorLine(text, tz)?.time,
);
