/**
 * A glidein's `.err` at the factory, as glideinWMS's condor_startup.sh writes it: the worker
 * node's HTCondor logs gzipped and base64-wrapped between its markers. Through the real pipeline
 * they become members of the `.err` with their own hashes, parsers and events; their base64 never
 * reaches the case, and a credential inside them is redacted like any log line's.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeSources } from '../pipeline/index';
import { buildCorpus } from '../redact/corpus';
import { bytesSource } from './source';

const SAMPLES = join(__dirname, '../parsers/htcondor-startd/samples/wn042.example-site.org');
const starterLog = readFileSync(join(SAMPLES, 'StarterLog.slot1_3'), 'utf8');
const startLog = readFileSync(join(SAMPLES, 'StartLog'), 'utf8');
const corpus = await buildCorpus();
const jwt = corpus.tokens.wlcg!;
const signature = jwt.slice(jwt.lastIndexOf('.') + 1);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** `gzip --stdout f | base64` as condor_startup.sh's base64_b64uuencode writes it: 76 characters a line. */
function block(name: string, gz: Uint8Array, marker = '======== gzip | uuencode ============='): string {
  const b64 = Buffer.from(gz).toString('base64');
  const lines = b64.match(/.{1,76}/g) ?? [];
  return [name, marker, 'begin-base64 644 -', ...lines, '===='].join('\n');
}

// The starter's log of the slot with a token written into it (a payload's environment dump).
const starterWithToken = `${starterLog.trimEnd()}\n11/23/26 14:10:09 (pid:88121) Env: BEARER_TOKEN=${jwt}\n`;
const starterGz = gzipSync(starterWithToken);
const startGz = gzipSync(startLog);
// A busy slot's long log (hex noise keeps it from compressing to nothing), to be cut in half.
const longStarter = `${starterLog.trimEnd()}\n${Array.from({ length: 3000 }, (_, i) => `11/23/26 15:${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} (pid:88122) FileTransfer: ${createHash('sha256').update(String(i)).digest('hex')}`).join('\n')}\n`;
const longBlock = block('StarterLog.slot1_4', gzipSync(longStarter), '======== tail -c 10485760 | gzip | uuencode =============').split('\n');
const ERR = [
  'Starting glidein_startup.sh at Mon Nov 23 13:05:01 UTC 2026 (1795439101)',
  '=== Condor starting Mon Nov 23 13:05:09 UTC 2026 (1795439109) ===',
  block('StartdLog', startGz),
  '',
  block('StarterLog.slot1_3', starterGz),
  '',
  // A block cut by the end of the file, half-way: what decompresses of it is read.
  longBlock.slice(0, Math.floor(longBlock.length / 2)).join('\n'),
].join('\n');

describe('logs embedded in a glidein .err', () => {
  it('are read as members with their own hashes and parsers; no base64 or credential reaches the case', async () => {
    const c = await analyzeSources([bytesSource('factory/entry_CMS_T2_X/job.884512.0.err', `${ERR}\n`, Date.UTC(2026, 10, 24))], { name: 'glidein' });
    const members = c.inputs.filter((i) => i.parent === 'factory/entry_CMS_T2_X/job.884512.0.err');
    expect(members.map((i) => [i.path, i.parser])).toEqual([
      ['factory/entry_CMS_T2_X/job.884512.0.err!/StartdLog', 'htcondor.startlog'],
      ['factory/entry_CMS_T2_X/job.884512.0.err!/StarterLog.slot1_3', 'htcondor.starterlog'],
      ['factory/entry_CMS_T2_X/job.884512.0.err!/StarterLog.slot1_4', 'htcondor.starterlog'],
    ]);
    // Chain of custody: the gzip bytes as glideinWMS wrote them.
    expect(members[0]!.sha256).toBe(sha(startGz));
    expect(members[1]!.sha256).toBe(sha(starterGz));
    // The starter's log gives the same events as the log read on its own (the pilot↔payload link).
    const alone = await analyzeSources([bytesSource('wn042/StarterLog.slot1_3', starterWithToken, Date.UTC(2026, 10, 24))], { name: 'alone' });
    const kinds = (cc: typeof c, input: string) => cc.events.filter((e) => e.src.input === input).map((e) => [e.src.line, e.kind, e.ids.globalJobId, e.ids.batchJobId, e.ids.slot, e.ids.user]);
    expect(kinds(c, members[1]!.path)).toEqual(kinds(alone, 'wn042/StarterLog.slot1_3'));
    expect(members[1]!.events).toBeGreaterThan(3);
    // The cut block: lines up to the cut are read (gzip keeps what came out before its last 16 KiB
    // slice of input), and the cut is a problem.
    const head = await analyzeSources([bytesSource('wn042/StarterLog.slot1_4', starterLog, Date.UTC(2026, 10, 24))], { name: 'head' });
    expect(members[2]!.events).toBe(head.events.length);
    expect(head.events.length).toBeGreaterThan(3);
    expect(c.problems.map((p) => [p.code, p.input])).toContainEqual(['archive.truncated', members[2]!.path]);
    const json = JSON.stringify(c);
    expect(json).not.toContain(signature);
    expect(json).not.toContain(Buffer.from(starterGz).toString('base64').slice(0, 76));
    expect(c.tokens.some((t) => c.events.some((e) => e.src.input === members[1]!.path && e.ids.tokenFps?.includes(t.fp)))).toBe(true);
  });
});
