import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { analyzeCase } from '../../correlate/analyze-case';
import { buildCase } from '../../ingest/build-case';
import { canonicalZone } from '../../parsers/common/time';
import { judgeToken } from '../../tokens/judge';
import type { IncrementalHash } from '../../ingest/hash';
import { ingest, type IngestProgress } from '../../ingest/ingest';
import type { TgEvent } from '../../model/event';
import { validateCaseNode } from '../validate-case-node';
import { analysisDeps } from '../analysis-deps';
import { formatSummary, summarize } from '../analyze-summary';
import { fsSources } from '../fs-source';
import { CliExit, type CliIo } from '../io';
import { writeCaseFile } from '../write-case';

interface AnalyzeFlags {
  tz: string;
  tzFor: string[];
  year?: string;
  out?: string;
  json?: boolean;
  name?: string;
  createdAt?: string;
}

/** `--tz-for PATH=ZONE`: the zone for that input, a directory's files or an archive's members. */
function zoneRules(specs: string[]): (path: string) => string | undefined {
  const rules = specs.map((s) => {
    const eq = s.lastIndexOf('=');
    const path = s.slice(0, eq);
    const zone = canonicalZone(s.slice(eq + 1));
    if (eq <= 0 || zone === undefined) throw new CliExit(2, `analyze: --tz-for wants PATH=ZONE with an IANA zone or a UTC offset, got ${JSON.stringify(s)}`);
    return { path: path.replace(/\/+$/, ''), zone };
  });
  // Longest matching path wins.
  rules.sort((a, b) => b.path.length - a.path.length);
  return (p) => rules.find((r) => p === r.path || p.startsWith(`${r.path}/`) || p.startsWith(`${r.path}!/`))?.zone;
}

/** Native SHA-256 for the CLI: the portable default is ~20× slower. */
function nodeSha256(): IncrementalHash {
  const h = createHash('sha256');
  return { update: (c) => void h.update(c), digest: () => h.digest('hex') };
}

function progressLine(io: CliIo): (p: IngestProgress) => void {
  return (p) => {
    const pct = p.bytesTotal ? Math.floor((100 * p.bytesRead) / p.bytesTotal) : 0;
    const name = p.input.length > 50 ? `…${p.input.slice(-49)}` : p.input;
    io.err(`\r\u001b[K${pct}% ${(p.bytesRead / 1048576).toFixed(0)}/${(p.bytesTotal / 1048576).toFixed(0)} MB, ${p.events} events, ${name}`);
  };
}

export function registerAnalyze(program: Command, io: CliIo): void {
  program
    .command('analyze')
    .description('load a bundle of logs and tokens into a case')
    .argument('<input...>', 'files, directories, .tar/.tar.gz/.tgz/.zip/.gz/.zst archives (UTF-8 or UTF-16 text)')
    .option('--tz <zone>', 'zone for times written without one: IANA name (Europe/Zurich) or UTC offset (+01:00)', 'UTC')
    .option('--tz-for <path=zone>', 'zone for one input, directory or archive (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--year <n>', 'year for formats without one (default: each file time)')
    .option('--out <file>', 'write the case JSON here')
    .option('--json', 'print the summary as JSON')
    .option('--name <name>', 'case name (default: the first input name)')
    .option('--created-at <iso>', 'creation time to record (omitted by default: same input, same bytes)')
    .action(async (inputs: string[], flags: AnalyzeFlags) => {
      const tz = canonicalZone(flags.tz);
      if (tz === undefined) throw new CliExit(2, `analyze: --tz ${flags.tz} is neither an IANA zone (Europe/Zurich) nor a UTC offset (+01:00)`);
      const tzFor = zoneRules(flags.tzFor);
      const year = flags.year === undefined ? undefined : Number(flags.year);
      if (year !== undefined && !(Number.isInteger(year) && year >= 1970 && year <= 2100)) throw new CliExit(2, `analyze: --year ${flags.year} is not a year`);
      if (flags.createdAt !== undefined && Number.isNaN(Date.parse(flags.createdAt))) throw new CliExit(2, `analyze: --created-at ${flags.createdAt} is not a time`);

      const { sources, problems: fsProblems } = await fsSources(inputs);
      const events: TgEvent[] = [];
      const deps = analysisDeps();
      const result = await ingest(sources, {
        ...deps,
        tz,
        tzFor,
        year,
        createHash: nodeSha256,
        onEvents: (batch) => {
          for (const e of batch) events.push(e);
        },
        onProgress: io.isTty ? progressLine(io) : undefined,
      });
      if (io.isTty) io.err('\r\u001b[K');
      result.problems.unshift(...fsProblems);
      const built = await buildCase(result, events, {
        name: flags.name ?? basename(inputs[0]!.replace(/\/+$/, '')),
        tz,
        createdAt: flags.createdAt ? new Date(flags.createdAt).toISOString() : undefined,
      });
      // Correlation, findings and per-token policy judgement over the events.
      const c = analyzeCase(built, { judge: (info) => judgeToken(info, { clockToleranceMs: built.settings.clockToleranceMs, overrides: built.settings.policy }) });
      // A self-check of what we built, in memory (Ajv, like JSON, treats undefined properties as absent).
      const skeleton = validateCaseNode(c);
      if (!skeleton.valid) throw new CliExit(1, `analyze: internal error, the case does not validate:\n  ${skeleton.errors.join('\n  ')}`);
      if (flags.out) await writeCaseFile(c, flags.out);
      const summary = summarize(c, flags.out);
      io.out(flags.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
      const loaded = c.inputs.some((i) => i.parser !== 'skipped' && !i.parser.startsWith('archive.'));
      if (!loaded) throw new CliExit(1, 'analyze: nothing could be read (see the problems above)');
    });
}
