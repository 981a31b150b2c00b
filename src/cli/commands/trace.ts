import type { Command } from 'commander';
import { buildGraph } from '../../correlate/correlate';
import type { Case } from '../../model/case';
import type { TraceAnswer, TraceArgs, TraceQuery } from '../../model/trace';
import { questionsFor, trace } from '../../trace/index';
import { basename } from 'node:path';
import { buildCase } from '../../ingest/build-case';
import { ingest } from '../../ingest/ingest';
import { canonicalZone } from '../../parsers/common/time';
import type { TgEvent } from '../../model/event';
import { analysisDeps } from '../analysis-deps';
import { fsSources } from '../fs-source';
import { CliExit, type CliIo } from '../io';
import { loadCaseFile } from '../load-case';

interface TraceFlags extends TraceArgs {
  json?: boolean;
  tz?: string;
}

const QUESTION_TITLES: Record<TraceAnswer['question'], string> = {
  S1: 'S1 (site): time + IP → VOs and job ids',
  V1: 'V1 (VO): time + IP → users and payloads',
  S2: 'S2 (site): time + IP + activity → the one VO and job id',
  V2: 'V2 (VO): time + IP + job id → the one user payload',
  S3: 'S3 (site): period + VO → IP addresses',
  V3: 'V3 (VO): time + user → every pilot job that ran their payloads',
  token: 'Token story and blast radius',
};

/** `90s`, `5m`, `2h`, `1d`, or plain milliseconds. */
export function parseDuration(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)?$/i.exec(s.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'ms').toLowerCase();
  const mult: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };
  return Math.round(n * mult[unit]!);
}

function parseTime(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new CliExit(2, `trace: --${flag} is not an ISO time: ${v}`);
  return t;
}

export function queryFromFlags(f: TraceFlags): TraceQuery {
  const q: TraceQuery = {};
  const at = parseTime('at', f.at);
  const until = parseTime('until', f.until);
  if (at !== undefined) q.at = at;
  if (until !== undefined) q.until = until;
  if (f.window !== undefined) {
    const w = parseDuration(f.window);
    if (w === undefined) throw new CliExit(2, `trace: --window is not a duration (e.g. 5m, 2h, 1d): ${f.window}`);
    q.windowMs = w;
  }
  for (const k of ['ip', 'activity', 'job', 'user', 'vo', 'token'] as const) if (f[k] !== undefined) q[k] = f[k];
  if (q.until !== undefined && q.at !== undefined && q.until < q.at) throw new CliExit(2, 'trace: --until is before --at');
  return q;
}

// Last line of defence for the redaction invariant: lines in a case are already redacted, but a
// JWT whose signature survived (a case written by something else) must never reach the terminal.
const LIVE_JWT = /(eyJ[\w-]{4,}\.eyJ[\w-]{4,}\.)(?!\[sig-redacted)[\w-]{16,}/g;
export function scrub(s: string): string {
  return s.replace(LIVE_JWT, '$1[sig-removed-by-trace]');
}

/** The `--json` shape: `{question, candidates:[{vo, jobIds, pilotIds, payloadIds, users, ips, tokens, hosts, confidence, reason, evidence:[{input,line,text}]}], ambiguous, gaps, explanation, clockToleranceMs}`. */
export function answerJson(a: TraceAnswer): unknown {
  return {
    question: a.question,
    candidates: a.candidates.map((c) => ({
      vo: c.vo ?? null,
      jobIds: c.jobIds,
      pilotIds: c.pilotIds,
      payloadIds: c.payloadIds,
      users: c.users,
      ips: c.ips,
      tokens: c.tokens,
      hosts: c.hosts,
      confidence: c.confidence,
      ...(c.reason ? { reason: c.reason } : {}),
      evidence: c.evidence.map((e) => ({ input: e.input, line: e.line, text: e.text })),
    })),
    ambiguous: a.ambiguous,
    gaps: a.gaps,
    explanation: a.explanation,
    clockToleranceMs: a.clockToleranceMs,
  };
}

function human(a: TraceAnswer): string {
  const out = [`== ${QUESTION_TITLES[a.question]}`, a.explanation, ''];
  a.candidates.forEach((c, n) => {
    const what = [c.vo && `VO ${c.vo}`, c.jobIds.length && `jobs ${c.jobIds.join(', ')}`, c.pilotIds.length && `pilot ${c.pilotIds.join(', ')}`, c.payloadIds.length && `payloads ${c.payloadIds.join(', ')}`, c.users.length && `users ${c.users.join(', ')}`, c.ips.length && `IPs ${c.ips.join(', ')}`, c.tokens.length && `tokens ${c.tokens.join(', ')}`].filter(Boolean).join('; ');
    out.push(`Candidate ${n + 1} (${c.confidence}${c.reason ? `: ${c.reason}` : ''}): ${what}`);
    for (const e of c.evidence) out.push(`    ${e.input}:${e.line}  ${e.text}`);
  });
  if (a.ambiguous) out.push('AMBIGUOUS: more than one candidate fits; the evidence does not single one out.');
  for (const g of a.gaps) out.push(`Gap: ${g}`);
  out.push(`(clock tolerance ±${Math.round(a.clockToleranceMs / 1000)} s)`, '');
  return out.join('\n');
}

/** A case JSON, or raw inputs read through the same ingestion as `analyze` (times without a zone: UTC). */
async function loadCase(inputs: string[], tz: string): Promise<Case> {
  if (inputs.length === 1 && inputs[0]!.endsWith('.json')) return loadCaseFile(inputs[0]!);
  const { sources, problems } = await fsSources(inputs);
  const events: TgEvent[] = [];
  const result = await ingest(sources, { ...analysisDeps(), tz, onEvents: (b) => void events.push(...b) });
  result.problems.unshift(...problems);
  if (!result.inputs.some((i) => i.parser !== 'skipped' && !i.parser.startsWith('archive.'))) throw new CliExit(1, `trace: nothing could be read from ${inputs.join(', ')}`);
  return buildCase(result, events, { name: basename(inputs[0]!.replace(/\/+$/, '')), tz });
}

export function registerTrace(program: Command, io: CliIo): void {
  program
    .command('trace')
    .description('answer a traceability question (S1-S3, V1-V3) or tell a token story over a case')
    .argument('<input...>', 'case JSON (from `tokentrail analyze`), or raw files, directories and archives')
    .option('--at <iso>', 'the time of the activity (ISO 8601)')
    .option('--until <iso>', 'end of the period (S3, V3)')
    .option('--ip <ip>', 'the IP seen (S1/V1, S2, V2)')
    .option('--activity <text>', 'what was seen from the IP: path, method, operation (S2)')
    .option('--job <id>', 'CE, batch, global, pilot or payload job id (V2; narrows S3)')
    .option('--user <name|sub>', 'user name or token subject (V3)')
    .option('--vo <vo>', 'VO name (S3)')
    .option('--token <fp|jti>', 'token fingerprint prefix (≥ 8 hex) or jti: the token story')
    .option('--window <duration>', 'half-width of the time window around --at (e.g. 5m, 2h); default 0 (V3: 24h)')
    .option('--tz <zone>', 'zone for zone-less times when tracing raw inputs: IANA name or UTC offset (+01:00)', 'UTC')
    .option('--json', 'print JSON: one answer object, or an array [S1, V1] for --at + --ip')
    .action(async (inputs: string[], flags: TraceFlags) => {
      const q = queryFromFlags(flags);
      const qs = questionsFor(q);
      if (typeof qs === 'string') throw new CliExit(2, `trace: ${qs}`);
      // A big case takes a while to read and correlate (a million events: about half a minute): say so on a terminal.
      const note = (s: string) => {
        if (io.isTty) io.err(`\r\u001b[K${scrub(s)}`);
      };
      note(`trace: reading ${inputs.length === 1 ? inputs[0] : `${inputs.length} inputs`}…`);
      const tz = canonicalZone(flags.tz ?? 'UTC');
      if (tz === undefined) throw new CliExit(2, `trace: --tz ${flags.tz} is neither an IANA zone (Europe/Zurich) nor a UTC offset (+01:00)`);
      const c = await loadCase(inputs, tz);
      note(`trace: correlating ${c.events.length.toLocaleString('en')} events…`);
      const g = buildGraph(c.events, c.tokens, c.settings);
      note('');
      const answers = trace(q, g);
      if (flags.json) {
        const doc = answers.length === 1 ? answerJson(answers[0]!) : answers.map(answerJson);
        io.out(`${scrub(JSON.stringify(doc, null, 2))}\n`);
      } else io.out(scrub(answers.map(human).join('\n')));
    });
}
