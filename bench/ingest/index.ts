/**
 * Ingestion benchmark (Node). Generates a bundle (BENCH_MB, default 500) under bench/.data — the
 * scenario generator's stolen-token case by default, or generate.ts's mix with BENCH_SOURCE=mix —
 * then measures in one run, on the same files:
 *  - the whole `analyze` pipeline in-process (read, gunzip, hash, split, redact, sniff, parse,
 *    events counted and discarded), MB of uncompressed text per second;
 *  - the full CLI run writing the case JSON (separately; BENCH_JSON=0 skips it);
 *  - baseline: plain JS chunk split (indexOf '\n') + one regex (the JWT pattern), same gunzip;
 *  - ripgrep with the JWT pattern (`rg -z`).
 *  - the same ingestion with a pass-through redactor and a silent parser (the framework's own cost);
 *  - the pipeline a second time, its code now compiled: on a small bundle JIT warm-up is a fifth of
 *    the first run, on the 500 MB one it is spread thin (BENCH_WARM=0 skips it);
 *  - per parser, on the same files held in memory: redaction and parsing µs per line and MB per
 *    CPU-second (per-parser.ts; BENCH_PARSERS=0 skips it), best of 3 and first run.
 * The pipeline lines also split CPU into the main thread and the other threads (threads.ts). Why:
 * the pipeline costs more than framework + parsers measured alone, and the difference is V8's JIT:
 * TurboFan compiles on background threads (1.1–1.6 CPU-s of a cold 50 MB run, measured with
 * --no-concurrent-recompilation moving it onto the main thread) and the main thread runs ~0.4 s
 * more before the code is optimised; the glue itself (event ids, toEvent, sniffing, batches,
 * problem checks) is under 0.1 s. A smaller TurboFan inlining budget
 * (--max-inlined-bytecode-size-cumulative=200) cut the cold run by ~0.45 CPU-s, output identical:
 * the bench runs the cold pipeline in two fresh processes (each after a framework-only run, as
 * here), with V8's defaults and with that flag (BENCH_JIT=0 skips them).
 * Redactor, parsers and fallback are whatever src/cli/analysis-deps.ts wires (the interim
 * redactor until src/redact lands).
 * Load on this shared 2-core machine makes single runs noisy: compare ratios from one run.
 * Prints MB/s and the ratios against the goal (≥ 100 MB/s, ≥ 40 % of the JS ceiling).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import { type AnalysisDeps, analysisDeps } from '../../src/cli/analysis-deps';
import { fsSources } from '../../src/cli/fs-source';
import { ingest } from '../../src/ingest/ingest';
import { createHash } from 'node:crypto';
import { JWT_RG, splitAndMatch } from '../common/js-ceiling';
import { generateBundle } from './generate';
import { perParser } from './per-parser';
import { type ThreadCpu, threadCpu, threadCpuSince } from './threads';

const root = join(__dirname, '..', '.data');
const mb = Number(process.env.BENCH_MB ?? 500);
/** `scenario` (default): src/scenario's realistic site + VO bundle (every parser's format); `mix`: generate.ts. */
const source = process.env.BENCH_SOURCE === 'mix' ? 'mix' : 'scenario';
const dataDir = join(root, `ingest-${source}-${mb}`);
const dir = join(dataDir, 'bundle');
const MiB = 1024 * 1024;

function listFiles(d: string): string[] {
  return readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(d, e.name)) : [join(d, e.name)]))
    .sort();
}

async function prepare(): Promise<{ files: string[]; bytes: number }> {
  const marker = join(dataDir, 'done.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8'));
  const t = performance.now();
  if (source === 'mix') await generateBundle(dir, mb);
  else {
    const r = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'tokentrail.cjs'), 'scenario', 'stolen-token', '--size', `${mb}MB`, '--seed', '7', '--out', dataDir], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('scenario generation failed');
  }
  const files = listFiles(dir);
  let bytes = 0;
  for (const f of files) bytes += f.endsWith('.gz') ? gunzipSync(readFileSync(f)).length : statSync(f).size;
  writeFileSync(marker, JSON.stringify({ files, bytes }));
  process.stdout.write(`generated ${files.length} files, ${(bytes / MiB).toFixed(0)} MiB of text in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  return { files, bytes };
}

async function baseline(files: string[]): Promise<{ bytes: number; lines: number; hits: number }> {
  const sum = { bytes: 0, lines: 0, hits: 0 };
  for (const f of files) {
    const raw = createReadStream(f, { highWaterMark: MiB });
    const r = await splitAndMatch((f.endsWith('.gz') ? raw.pipe(createGunzip()) : raw) as AsyncIterable<Uint8Array>);
    sum.bytes += r.bytes;
    sum.lines += r.lines;
    sum.hits += r.hits;
  }
  return sum;
}

/** Ingestion with a pass-through redactor and a parser that emits nothing: the framework's own cost. */
function frameworkOnly(): AnalysisDeps {
  return {
    redactor: { redactLine: (text, line) => ({ line, text, secrets: [] }), counts: () => ({}), tokens: () => [] },
    parsers: [],
    fallback: { id: 'none', label: 'none', detect: () => 0, open: () => ({ line: () => [], end: () => [] }) },
  };
}

async function pipeline(deps: AnalysisDeps): Promise<{ events: number; bytes: number; problems: number }> {
  const { sources } = await fsSources([dir]);
  let events = 0;
  const r = await ingest(
    sources,
    {
      ...deps,
      createHash: () => {
        const h = createHash('sha256');
        return { update: (c) => void h.update(c), digest: () => h.digest('hex') };
      },
      onEvents: (b) => {
        events += b.length;
      },
    },
  );
  return { events, bytes: r.bytes, problems: r.problems.length };
}

async function time<T>(f: () => Promise<T>): Promise<{ s: number; cpu: number; threads: ThreadCpu; r: T }> {
  const th0 = threadCpu();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await f();
  const cpu = process.cpuUsage(c0);
  return { s: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6, threads: threadCpuSince(th0), r };
}

/** ` main thread X s, other threads Y s` (the other threads: mostly V8's JIT compiler; see threads.ts). */
function split(t: { threads: ThreadCpu }): string {
  const { main, other } = t.threads;
  return main === undefined || other === undefined ? '' : `  [main thread ${main.toFixed(1)} s, other threads ${other.toFixed(1)} s]`;
}

/** Runs a command under bash `time`: wall seconds and CPU seconds (user + sys, children included). */
function timed(cmd: string[]): { s: number; cpu: number; stdout: string; status: number | null } {
  const outFile = join(root, 'timed.out');
  const quoted = cmd.map((c) => `'${c.replace(/'/g, "'\\''")}'`).join(' ');
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; { time ${quoted} >'${outFile}' 2>/dev/null; } 2>&1`], { encoding: 'utf8' });
  const s = (performance.now() - t0) / 1000;
  const [u, sys] = r.stdout.trim().split(/\s+/).map(Number);
  return { s, cpu: (u ?? 0) + (sys ?? 0), stdout: readFileSync(outFile, 'utf8'), status: r.status };
}

/** V8 flags the JIT comparison runs the pipeline under (each in a fresh child process). */
const JIT_VARIANTS: { label: string; flags: string[] }[] = [
  { label: 'cold pipeline, V8 defaults', flags: [] },
  { label: 'cold pipeline, V8 inlining budget 200', flags: ['--max-inlined-bytecode-size-cumulative=200'] },
];

/**
 * Child mode (BENCH_CHILD=pipeline): framework-only run then one cold pipeline run, as in the
 * parent, and the pipeline's CPU seconds on stdout as JSON.
 */
async function child(): Promise<void> {
  await prepare();
  await time(() => pipeline(frameworkOnly()));
  const p = await time(() => pipeline(analysisDeps()));
  process.stdout.write(`${JSON.stringify({ s: p.s, cpu: p.cpu, main: p.threads.main, other: p.threads.other })}\n`);
}

/**
 * The cold pipeline in fresh processes, with default V8 flags and with a smaller TurboFan inlining
 * budget: JIT compilation is most of the pipeline's cost over its parts (threads.ts), and the
 * budget is the one knob found that cuts it (a CLI entry point could set it; the core cannot).
 */
function jitComparison(line: (label: string, t: { s: number; cpu: number }, extra?: string) => void): void {
  for (const v of JIT_VARIANTS) {
    const r = spawnSync(process.execPath, [...v.flags, __filename], { encoding: 'utf8', env: { ...process.env, BENCH_CHILD: 'pipeline' } });
    const out = r.stdout.trim().split('\n').pop() ?? '';
    if (r.status !== 0 || !out.startsWith('{')) {
      process.stdout.write(`pipeline child (${v.label}) failed: ${r.stderr.slice(0, 200)}\n`);
      continue;
    }
    const j = JSON.parse(out) as { s: number; cpu: number; main?: number; other?: number };
    line(v.label, j, split({ threads: { main: j.main, other: j.other } }));
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_CHILD === 'pipeline') return child();
  const { files, bytes } = await prepare();
  const textMb = bytes / MiB;
  const rate = (sec: number) => (textMb / sec).toFixed(0).padStart(5);
  const line = (label: string, t: { s: number; cpu: number }, extra = '') =>
    process.stdout.write(`${label.padEnd(46)} ${rate(t.s)} MB/s wall ${rate(t.cpu)} MB/s per CPU-s  (${t.s.toFixed(1)} s, CPU ${t.cpu.toFixed(1)} s)${extra}\n`);
  process.stdout.write(`bundle: ${files.length} files, ${textMb.toFixed(0)} MiB of text (${files.filter((f) => f.endsWith('.gz')).length} gzipped)\n`);

  await baseline(files.slice(0, 2)); // warm the JIT a little
  const b = await time(() => baseline(files));
  line('JS baseline: split + 1 regex', b, `  ${b.r.lines} lines, ${b.r.hits} JWT lines`);

  const rg = timed(['rg', '-z', '-c', '--no-filename', '-e', JWT_RG, dir]);
  const rgHits = rg.stdout.split('\n').filter(Boolean).reduce((n, x) => n + Number(x), 0);
  line('ripgrep -z, JWT pattern', rg, `  ${rgHits} JWT lines`);

  const f = await time(() => pipeline(frameworkOnly()));
  line('ingest framework only (no redact/parse work)', f, split(f));
  const p = await time(() => pipeline(analysisDeps()));
  line('analyze pipeline (in-process, events counted)', p, `  ${p.r.events} events${split(p)}`);
  const warm = process.env.BENCH_WARM === '0' ? undefined : await time(() => pipeline(analysisDeps()));
  if (warm) line('same pipeline again (JIT warm)', warm, split(warm));

  let cli: ReturnType<typeof timed> | undefined;
  if (process.env.BENCH_JSON !== '0') {
    const out = join(root, `case-${mb}.json`);
    cli = timed([process.execPath, '--max-old-space-size=12000', join(__dirname, '..', '..', 'bin', 'tokentrail.cjs'), 'analyze', dir, '--out', out, '--json']);
    if (cli.status !== 0) process.stdout.write(`CLI exited ${cli.status}\n`);
    line('tokentrail analyze --out case.json (CLI)', cli, `  case ${(statSync(out).size / MiB).toFixed(0)} MiB`);
  }

  // Ratios on CPU time: wall time on this shared 2-core machine depends on the other users.
  const pct = (x: { cpu: number }) => `${((100 * b.cpu) / x.cpu).toFixed(0)} %`;
  const pipeMbs = textMb / p.cpu;
  process.stdout.write(
    `\nper CPU-second, against the JS baseline: framework only ${pct(f)}, pipeline ${pct(p)} (goal ≥ 40 %)` +
      (warm ? `, pipeline JIT warm ${pct(warm)}` : '') +
      (cli ? `, CLI with JSON ${pct(cli)}` : '') +
      `\npipeline: ${pipeMbs.toFixed(0)} MB per CPU-s (goal ≥ 100 MB/s) ${pipeMbs >= 100 && b.cpu / p.cpu >= 0.4 ? 'MET' : 'NOT MET'}` +
      `\nripgrep is ${(p.cpu / rg.cpu).toFixed(1)}× the pipeline per CPU-s\n`,
  );
  if (process.env.BENCH_JIT !== '0') jitComparison(line);
  if (process.env.BENCH_PARSERS !== '0') await perParser(files);
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
