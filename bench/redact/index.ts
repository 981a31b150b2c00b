/**
 * bench/redact: redactor throughput on a generated realistic log mix (~1 % of lines hold a
 * token), next to two baselines measured in the same run on the same file: a plain JS chunk
 * split + one regex (the practical JS ceiling) and ripgrep matching the JWT pattern.
 * BENCH_MB sets the size (default 200).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus } from '../../src/redact/corpus';
import { createLineRedactor } from '../../src/redact/line-redactor';

const MB = Number(process.env.BENCH_MB ?? 200);
const dir = join(__dirname, '..', '.data');
const file = join(dir, `redact-mix-${MB}MB.log`);
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;

async function generate(): Promise<void> {
  if (existsSync(file) && statSync(file).size >= MB * 1e6) return;
  mkdirSync(dir, { recursive: true });
  const c = await buildCorpus();
  const plain = [
    '11/23/26 14:02:12 (cid:88412) Submitting new job 40117.0',
    '261123 14:05:41 2207 XrootdXeq: alice.30112:41@wn042.example-site.org pub IPv4 login as cmsuser01',
    'level=INFO ts=2026-11-23T14:05:41.512+0100 event=org.dcache.webdav.request request.method=GET request.url=https://se01.example-site.org:2880/pnfs/example-site.org/data/cms/store/mc/file01.root response.code=200 socket.remote=203.0.113.7:51844 user.sub=7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11@cms',
    '2026-11-23 13:10:04,221 | INFO     | PanDA job id: 6871234567',
    'Nov 23 14:02:11 ui01 sshd[40212]: Accepted publickey for alice from 203.0.113.51 port 53310 ssh2',
    '203.0.113.7 - - [23/Nov/2026:14:02:11 +0100] "GET /store/user/alice/out.root HTTP/1.1" 200 512 "-" "curl/8.5.0"',
    'INFO    Mon, 23 Nov 2026 14:05:40 +0100; Source token id: 8a31c0e2 (managed)',
  ];
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < MB * 1e6) {
    const line = i % 100 === 99 ? c.lines[(i / 100) % c.lines.length | 0]! : plain[i % plain.length]!;
    parts.push(line);
    size += line.length + 1;
    i++;
  }
  writeFileSync(file, `${parts.join('\n')}\n`);
}

async function timeIt(fn: () => Promise<number>): Promise<{ secs: number; n: number }> {
  const t0 = performance.now();
  const n = await fn();
  return { secs: (performance.now() - t0) / 1000, n };
}

/** Reads the file in chunks and splits lines on '\n', handing each line to `onLine`. */
async function eachLine(onLine: (line: string, n: number) => unknown): Promise<number> {
  let carry = '';
  let n = 0;
  const dec = new TextDecoder();
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const s = carry + dec.decode(chunk as Buffer, { stream: true });
    let start = 0;
    let nl = s.indexOf('\n');
    while (nl >= 0) {
      const r = onLine(s.slice(start, nl), ++n);
      if (r instanceof Promise) await r;
      start = nl + 1;
      nl = s.indexOf('\n', start);
    }
    carry = s.slice(start);
  }
  return n;
}

async function main() {
  await generate();
  const bytes = statSync(file).size;
  const mbs = (secs: number) => bytes / 1e6 / secs;
  // Baseline 1: JS split + one regex.
  let hits = 0;
  const base = await timeIt(() => eachLine((l) => { JWT.lastIndex = 0; if (JWT.test(l)) hits++; }));
  // The redactor (csirt profile: what ingestion runs).
  const red = createLineRedactor();
  let outBytes = 0;
  const ours = await timeIt(() =>
    eachLine((l, n) => {
      const r = red.redactLine(l, n);
      if (r instanceof Promise) return r.then((x) => { outBytes += x.text.length; });
      outBytes += r.text.length;
      return undefined;
    }),
  );
  // Baseline 2: ripgrep.
  let rg: number | undefined;
  if (existsSync('/usr/bin/rg')) {
    const t0 = performance.now();
    spawnSync('/usr/bin/rg', ['-c', 'eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*', file]);
    rg = (performance.now() - t0) / 1000;
  }
  const fmt = (x: number) => x.toFixed(1).padStart(7);
  console.log(`file: ${(bytes / 1e6).toFixed(0)} MB, ${ours.n} lines, ${hits} JWT lines, redaction counts ${JSON.stringify(red.counts())}`);
  console.log(`JS split + 1 regex (ceiling): ${fmt(mbs(base.secs))} MB/s`);
  console.log(`tokentrail redactor:          ${fmt(mbs(ours.secs))} MB/s  = ${(100 * base.secs / ours.secs).toFixed(0)} % of the JS ceiling (goal ≥ 60 %, ≥ 150 MB/s)`);
  if (rg !== undefined) console.log(`ripgrep (JWT pattern):        ${fmt(mbs(rg))} MB/s  = redactor at ${(100 * rg / ours.secs).toFixed(1)} % of ripgrep`);
  void outBytes;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
