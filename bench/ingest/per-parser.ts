/**
 * Per-parser cost on the bundle's own files: each text file is read into memory (gunzipped),
 * sniffed like ingestion does, then its lines go through a fresh redactor and the chosen parser.
 * Prints µs per line for redaction and for parsing (CPU time, best of three runs) and MB of text
 * per CPU-second, so a slow parser shows up by name. At most `maxLines` lines per parser.
 * The first of the three runs is printed too (µs/line, redact + parse): it pays the JIT compilation
 * (V8 compiles on other threads; `cpuUsage` counts the whole process) that the best run does not,
 * which is most of the difference between the pipeline and the sum of its parts.
 * Each line is decoded on its own, as ingestion's line splitter does (src/ingest/lines.ts): lines
 * split out of the whole file's string are V8 sliced strings, which moved single parsers' times by
 * −10 to +18 % against what the pipeline's own strings cost.
 * `BENCH_PARSERS=dcache.access,xrootd` measures only the parsers named (`0` skips this table).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sniffName } from '../../src/ingest/names';
import { chooseParser, SNIFF_LINES } from '../../src/ingest/text-input';
import type { LogParser } from '../../src/model/parser';
import type { RedactedLine } from '../../src/model/redaction';
import { genericParser } from '../../src/parsers/generic/index';
import { PARSERS } from '../../src/parsers/registry';
import { createLineRedactor } from '../../src/redact/line-redactor';

interface Input {
  path: string;
  lines: string[];
  bytes: number;
}

interface Row {
  parser: string;
  lines: number;
  bytes: number;
  redactMs: number;
  parseMs: number;
  /** Redact + parse of the first of the three runs: the cold cost, JIT compilation included. */
  firstMs: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The parser ids BENCH_PARSERS names, or undefined for all. */
const only = process.env.BENCH_PARSERS && process.env.BENCH_PARSERS !== '1' ? process.env.BENCH_PARSERS.split(',') : undefined;

/** `buf`'s lines (split on `\n`), each decoded on its own like ingestion's line splitter does. */
function decodeLines(buf: Uint8Array): string[] {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const lines: string[] = [];
  for (let at = 0; at <= buf.length; ) {
    let nl = buf.indexOf(10, at);
    if (nl < 0) nl = buf.length;
    lines.push(decoder.decode(buf.subarray(at, nl)));
    at = nl + 1;
  }
  return lines;
}

/** Input files grouped by the parser ingestion would choose, up to `maxLines` lines per parser. */
function groupByParser(files: readonly string[], maxLines: number): Map<LogParser, Input[]> {
  const out = new Map<LogParser, Input[]>();
  const taken = new Map<LogParser, number>();
  for (const f of files) {
    let buf = readFileSync(f);
    if (f.endsWith('.gz')) buf = gunzipSync(buf);
    const lines = decodeLines(buf);
    const parser = chooseParser({ name: sniffName(f.endsWith('.gz') ? f.slice(0, -3) : f), head: lines.slice(0, SNIFF_LINES) }, PARSERS, genericParser);
    if (only && !only.includes(parser.id)) continue;
    const room = maxLines - (taken.get(parser) ?? 0);
    if (room <= 0) continue;
    const kept = lines.slice(0, room);
    taken.set(parser, (taken.get(parser) ?? 0) + kept.length);
    const bytes = kept.length === lines.length ? buf.length : Buffer.byteLength(kept.join('\n'));
    out.set(parser, [...(out.get(parser) ?? []), { path: f, lines: kept, bytes }]);
  }
  return out;
}

async function measure(parser: LogParser, inputs: readonly Input[]): Promise<Row> {
  let redactMs = Number.POSITIVE_INFINITY;
  let parseMs = Number.POSITIVE_INFINITY;
  let firstMs = 0;
  for (let rep = 0; rep < 3; rep++) {
    let redactSum = 0;
    let parseSum = 0;
    for (const input of inputs) {
      const redactor = createLineRedactor({ profile: 'csirt' });
      const redacted: RedactedLine[] = [];
      const t0 = cpuMs();
      for (let i = 0; i < input.lines.length; i++) {
        const r = redactor.redactLine(input.lines[i]!, i + 1);
        // Await only real promises (lines with a credential), as ingestion does.
        redacted.push(r instanceof Promise ? await r : r);
      }
      const t1 = cpuMs();
      const open = parser.open({ input: input.path, tz: 'UTC', year: 2026, yearSource: 'bench', problem: () => {} });
      for (const line of redacted) open.line(line);
      open.end();
      redactSum += t1 - t0;
      parseSum += cpuMs() - t1;
    }
    if (rep === 0) firstMs = redactSum + parseSum;
    redactMs = Math.min(redactMs, redactSum);
    parseMs = Math.min(parseMs, parseSum);
  }
  return {
    parser: parser.id,
    lines: inputs.reduce((n, i) => n + i.lines.length, 0),
    bytes: inputs.reduce((n, i) => n + i.bytes, 0),
    redactMs,
    parseMs,
    firstMs,
  };
}

/** Measures every parser the bundle uses and prints one row each, biggest share of bytes first. */
export async function perParser(files: readonly string[], maxLines = 100_000): Promise<void> {
  const rows: Row[] = [];
  for (const [parser, inputs] of groupByParser(files, maxLines)) rows.push(await measure(parser, inputs));
  rows.sort((a, b) => b.bytes - a.bytes);
  const us = (ms: number, lines: number) => ((ms * 1000) / lines).toFixed(2).padStart(6);
  process.stdout.write(`\nper parser (${files.length} files, lines in memory, CPU time, best of 3):\n`);
  process.stdout.write(`${'parser'.padEnd(22)} ${'lines'.padStart(8)} ${'MiB'.padStart(6)}  redact µs/line  parse µs/line  MB per CPU-s  first run µs/line\n`);
  for (const r of rows) {
    const mbs = r.bytes / 1048576 / ((r.redactMs + r.parseMs) / 1000);
    process.stdout.write(
      `${r.parser.padEnd(22)} ${String(r.lines).padStart(8)} ${(r.bytes / 1048576).toFixed(1).padStart(6)}  ${us(r.redactMs, r.lines).padStart(14)}  ${us(r.parseMs, r.lines).padStart(13)}  ${mbs.toFixed(0).padStart(12)}  ${us(r.firstMs, r.lines).padStart(17)}\n`,
    );
  }
  const sum = (f: (r: Row) => number) => rows.reduce((n, r) => n + f(r), 0) / 1000;
  process.stdout.write(
    `summed over parsers (${rows.reduce((n, r) => n + r.lines, 0)} lines): best of 3 ${sum((r) => r.redactMs + r.parseMs).toFixed(2)} CPU-s, first run ${sum((r) => r.firstMs).toFixed(2)} CPU-s\n`,
  );
}
