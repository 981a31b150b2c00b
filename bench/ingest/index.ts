/**
 * Ingestion benchmark (Node). Generates a mixed bundle (BENCH_MB, default 500) under bench/.data,
 * then measures in one run, on the same files:
 *  - the whole `analyze` pipeline in-process (read, gunzip, hash, split, redact, sniff, parse,
 *    events counted and discarded), MB of uncompressed text per second;
 *  - the full CLI run writing the case JSON (separately; BENCH_JSON=0 skips it);
 *  - baseline: plain JS chunk split (indexOf '\n') + one regex (the JWT pattern), same gunzip;
 *  - ripgrep with the JWT pattern (`rg -z`).
 *  - the same ingestion with a pass-through redactor and a silent parser (the framework's own cost).
 * Redactor, parsers and fallback are whatever src/cli/analysis-deps.ts wires (the interim ones
 * until src/redact and the parsers land).
 * Load on this shared 2-core machine makes single runs noisy: compare ratios from one run.
 * Prints MB/s and the ratios against the goal (≥ 100 MB/s, ≥ 40 % of the JS ceiling).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { type AnalysisDeps, analysisDeps } from '../../src/cli/analysis-deps';
import { fsSources } from '../../src/cli/fs-source';
import { ingest } from '../../src/ingest/ingest';
import { createHash } from 'node:crypto';
import { generateBundle } from './generate';

const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/;
const JWT_RG = String.raw`\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*`;
const root = join(__dirname, '..', '.data');
const mb = Number(process.env.BENCH_MB ?? 500);
const dir = join(root, `ingest-${mb}`);
const MiB = 1024 * 1024;

async function prepare(): Promise<{ files: string[]; bytes: number }> {
  const marker = join(dir, '.done.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8'));
  const t = performance.now();
  const g = await generateBundle(dir, mb);
  writeFileSync(marker, JSON.stringify({ files: g.files, bytes: g.bytes }));
  process.stdout.write(`generated ${g.files.length} files, ${(g.bytes / MiB).toFixed(0)} MiB of text in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  return g;
}

async function baseline(files: string[]): Promise<{ bytes: number; lines: number; hits: number }> {
  let bytes = 0;
  let lines = 0;
  let hits = 0;
  for (const f of files) {
    const raw = createReadStream(f, { highWaterMark: MiB });
    const src = f.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
    const dec = new TextDecoder();
    let carry = '';
    for await (const chunk of src as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      const s = carry + dec.decode(chunk, { stream: true });
      let pos = 0;
      for (let nl = s.indexOf('\n'); nl !== -1; nl = s.indexOf('\n', pos)) {
        if (JWT.test(s.slice(pos, nl))) hits++;
        lines++;
        pos = nl + 1;
      }
      carry = s.slice(pos);
    }
  }
  return { bytes, lines, hits };
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
    sources.filter((s) => !s.name.endsWith('.done.json')),
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

async function time<T>(f: () => Promise<T>): Promise<{ s: number; cpu: number; r: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await f();
  const cpu = process.cpuUsage(c0);
  return { s: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6, r };
}

async function main(): Promise<void> {
  const { files, bytes } = await prepare();
  const textMb = bytes / MiB;
  const line = (label: string, s: number, extra = '') => process.stdout.write(`${label.padEnd(44)} ${(textMb / s).toFixed(0).padStart(5)} MB/s  (${s.toFixed(2)} s)${extra}\n`);
  process.stdout.write(`bundle: ${files.length} files, ${textMb.toFixed(0)} MiB of text (${files.filter((f) => f.endsWith('.gz')).length} gzipped)\n`);

  await baseline(files.slice(0, 2)); // warm the page cache and the JIT a little
  const b = await time(() => baseline(files));
  line('JS baseline: split + 1 regex', b.s, `  ${b.r.lines} lines, ${b.r.hits} JWT lines`);

  const rgT0 = performance.now();
  const rg = spawnSync('rg', ['-z', '-c', '--no-filename', '-e', JWT_RG, dir], { encoding: 'utf8' });
  const rgS = (performance.now() - rgT0) / 1000;
  const rgHits = rg.stdout.split('\n').filter(Boolean).reduce((n, x) => n + Number(x), 0);
  line('ripgrep -z, JWT pattern', rgS, `  ${rgHits} JWT lines`);

  const f = await time(() => pipeline(frameworkOnly()));
  line('ingest framework only (no redact/parse work)', f.s, `  CPU ${f.cpu.toFixed(1)} s`);
  const p = await time(() => pipeline(analysisDeps()));
  line('analyze pipeline (in-process, events counted)', p.s, `  ${p.r.events} events, CPU ${p.cpu.toFixed(1)} s`);

  let jsonS: number | undefined;
  if (process.env.BENCH_JSON !== '0') {
    const out = join(root, `case-${mb}.json`);
    const t0 = performance.now();
    const cli = spawnSync(process.execPath, ['--max-old-space-size=12000', join(__dirname, '..', '..', 'bin', 'tokentrail.cjs'), 'analyze', dir, '--out', out, '--json'], { encoding: 'utf8', maxBuffer: 64 * MiB });
    jsonS = (performance.now() - t0) / 1000;
    if (cli.status !== 0) process.stdout.write(`CLI exited ${cli.status}: ${cli.stderr.slice(0, 500)}\n`);
    line('tokentrail analyze --out case.json (CLI)', jsonS, `  case ${(statSync(out).size / MiB).toFixed(0)} MiB`);
  }

  const pipeMbs = textMb / p.s;
  const ratio = b.s / p.s;
  process.stdout.write(
    `\nframework only / JS baseline: ${((100 * b.s) / f.s).toFixed(0)} %\n` +
      `pipeline / JS baseline: ${(100 * ratio).toFixed(0)} % (goal ≥ 40 %)\n` +
      `pipeline: ${pipeMbs.toFixed(0)} MB/s (goal ≥ 100 MB/s) ${pipeMbs >= 100 && ratio >= 0.4 ? 'MET' : 'NOT MET'}\n` +
      `ripgrep / pipeline: ${(p.s / rgS).toFixed(1)}×\n` +
      (jsonS ? `CLI with JSON output / pipeline: ${(jsonS / p.s).toFixed(2)}× the time\n` : ''),
  );
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
