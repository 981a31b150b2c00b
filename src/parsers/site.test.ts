/**
 * Cross-detection: every sample of every site parser is claimed by its own parser, with a score
 * strictly above every other parser in the registry (site and other sets, generic included) — by file name and first lines, and by content alone
 * (the file renamed to `upload.txt`), since hand-overs often rename files.
 *
 * other.test.ts does the same for the other parser set; together they cover every sample.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Validator } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { caseSchema } from '../model/case-schema';
import type { LogParser } from '../model/parser';
import type { TokenInfo } from '../model/token';
import { runParser, splitLines } from './common/testing';
import { PARSERS } from './registry';
import { SITE_PARSERS } from './site';

/** Sample folder (relative to src/parsers) → parser id, by file-name pattern. */
const SAMPLES: { dir: string; file: RegExp; parser: string }[] = [
  { dir: 'htcondor-auditlog/samples', file: /^AuditLog/, parser: 'htcondor.auditlog' },
  { dir: 'htcondor-schedlog/samples', file: /^SchedLog/, parser: 'htcondor.schedlog' },
  { dir: 'htcondor-history/samples', file: /./, parser: 'htcondor.history' },
  { dir: 'htcondor-jobrouter/samples', file: /^JobRouterLog/, parser: 'htcondor.jobrouter' },
  { dir: 'htcondor-startd/samples', file: /(^|\/)StartLog/, parser: 'htcondor.startlog' },
  { dir: 'htcondor-startd/samples', file: /(^|\/)StarterLog/, parser: 'htcondor.starterlog' },
  { dir: 'glideinwms/samples', file: /\.out$/, parser: 'glideinwms.startup' },
  { dir: 'arc/samples', file: /^arex\.log$/, parser: 'arc.arex' },
  { dir: 'arc/samples', file: /^arex-jobs\.log$/, parser: 'arc.jobs' },
  { dir: 'arc/samples', file: /^job\..*\.local$/, parser: 'arc.control' },
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function ranking(parsers: readonly LogParser[], name: string, head: string[]) {
  return parsers.map((p) => ({ id: p.id, score: p.detect({ name, head }) })).sort((a, b) => b.score - a.score);
}

const cases = SAMPLES.flatMap(({ dir, file, parser }) => {
  const abs = join(__dirname, dir);
  return filesUnder(abs)
    .map((p) => relative(abs, p))
    .filter((rel) => file.test(rel))
    .map((rel) => ({ rel, parser, head: splitLines(readFileSync(join(abs, rel), 'utf8')).slice(0, 50) }));
});

describe('site parser cross-detection', () => {
  it('covers every site parser and every sample file', () => {
    expect(new Set(cases.map((c) => c.parser))).toEqual(new Set(SITE_PARSERS.map((p) => p.id)));
    // No sample file escapes the table.
    for (const dir of new Set(SAMPLES.map((s) => s.dir))) {
      const abs = join(__dirname, dir);
      for (const f of filesUnder(abs).map((p) => relative(abs, p))) {
        expect(SAMPLES.some((s) => s.dir === dir && s.file.test(f)), `${dir}/${f}`).toBe(true);
      }
    }
  });

  for (const c of cases) {
    it(`${c.rel} → ${c.parser} (by name)`, () => {
      const r = ranking(PARSERS, `bundle.tar.gz!/var/log/${c.rel}`, c.head);
      expect(r[0].id).toBe(c.parser);
      expect(r[0].score).toBeGreaterThan(0.5);
      expect(r[1].score).toBeLessThan(r[0].score);
    });
    it(`${c.rel} → ${c.parser} (content only)`, () => {
      const r = ranking(PARSERS, 'upload.txt', c.head);
      expect(r[0].id).toBe(c.parser);
      expect(r[1].score).toBeLessThan(r[0].score);
    });
  }

  it('claims nothing for foreign text', () => {
    const foreign = [
      ['syslog', ['Nov 23 14:02:11 ce01 sshd[811]: Accepted publickey for root from 192.0.2.9 port 50022 ssh2']],
      ['access_log', ['192.0.2.1 - - [23/Nov/2026:14:02:11 +0000] "GET / HTTP/1.1" 200 1 "-" "curl/8"']],
      ['events.jsonl', ['{"ts":"2026-11-23T14:02:11Z","msg":"hello"}']],
      ['empty', []],
    ] as const;
    for (const [name, head] of foreign) {
      for (const p of SITE_PARSERS) expect(p.detect({ name, head: [...head] }), `${p.id} on ${name}`).toBe(0);
    }
  });

  // A credential the redactor found is never dropped, whether the parser understands the line,
  // skips it as chatter, or finds it malformed (no timestamp: the time of an earlier line is borrowed).
  const token: TokenInfo = { fp: 'c0ffee'.repeat(10) + 'abcd', kind: 'wlcg', redacted: 'eyJ..eyJ...[sig-redacted:c0ffeec0]', length: 812, aud: [], scopes: [], groups: [] };
  for (const c of cases) {
    it(`${c.rel}: lines with credentials become events`, () => {
      const lines = splitLines(readFileSync(join(__dirname, SAMPLES.find((s) => s.parser === c.parser && c.rel.match(s.file))?.dir ?? '', c.rel), 'utf8'));
      const leak = `export BEARER_TOKEN=${token.redacted}`;
      const mid = Math.min(lines.length, 3);
      const text = [...lines.slice(0, mid), leak, ...lines.slice(mid), leak].join('\n');
      const at = [mid + 1, lines.length + 2];
      const sighting = { start: 20, end: 20 + token.redacted.length, token };
      const parser = SITE_PARSERS.find((p) => p.id === c.parser) as LogParser;
      const { events } = runParser(parser, text, { name: c.rel, secrets: { [at[0]]: [sighting], [at[1]]: [sighting] } });
      for (const line of at) {
        const hit = events.filter((e) => e.src?.line === line && e.ids.tokenFps?.includes(token.fp));
        expect(hit.length, `line ${line}`).toBeGreaterThan(0);
        expect(hit[0].text).not.toContain('eyJhbGci');
      }
    });
  }

  it('emits events that fit the case schema, identically on every run', () => {
    const eventsSchema = caseSchema.properties.events as unknown as ConstructorParameters<typeof Validator>[0];
    const v = new Validator(eventsSchema, '2020-12', false);
    for (const c of cases) {
      const parser = SITE_PARSERS.find((p) => p.id === c.parser) as LogParser;
      const dir = SAMPLES.find((s) => s.parser === c.parser && s.file.test(c.rel))?.dir ?? '';
      const text = readFileSync(join(__dirname, dir, c.rel), 'utf8');
      const run = () => JSON.stringify(runParser(parser, text, { name: c.rel, tz: 'Europe/Zurich' }));
      const first = run();
      expect(run()).toBe(first);
      const events = (JSON.parse(first) as { events: object[] }).events.map((e, i) => ({ id: `e${i}`, ...e }));
      const r = v.validate(events);
      expect(r.errors.slice(0, 3), c.rel).toEqual([]);
      expect(events.length, c.rel).toBeGreaterThan(0);
    }
    // The check can fail: a draft without its id or with an unknown kind is rejected.
    expect(v.validate([{ kind: 'job.start' }]).valid).toBe(false);
  });
});
