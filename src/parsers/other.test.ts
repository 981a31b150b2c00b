/** Cross-detection: every sample of these parsers is claimed by its own parser, with the highest score. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genericParser } from './generic';
import { OTHER_PARSERS } from './other';
import { runParserOther } from './common/testing-other';
import { PARSERS } from './registry';

// folder → parser id; a folder may hold samples for several parsers (netmap), told apart by file.
const OWNERS: Record<string, string | ((file: string) => string)> = {
  'dcache-access': 'dcache.access',
  'dcache-billing': 'dcache.billing',
  'dcache-domain': 'dcache.domain',
  xrootd: 'xrootd',
  'iam-audit': 'iam.audit',
  'panda-pilot': 'panda.pilot',
  fts: 'fts',
  tokenfile: 'tokenfile',
  netmap: (f) => (f.startsWith('hosts') ? 'netmap.hosts' : f.startsWith('dhcpd') ? 'netmap.dhcp' : 'netmap.nat'),
  'web-access': 'web.access',
  sshd: 'sshd',
  'dirac-pilot': 'dirac.pilot',
  'alice-jobagent': 'alice.jobagent',
  jsonl: 'jsonl',
};

describe('parser registry (storage / issuer / pilot / host side)', () => {
  it('has unique ids and is in the global registry', () => {
    const ids = OTHER_PARSERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of OTHER_PARSERS) expect(PARSERS).toContain(p);
    expect(ids).not.toContain(genericParser.id);
  });

  for (const [folder, owner] of Object.entries(OWNERS)) {
    const dir = join(__dirname, folder, 'samples');
    for (const file of readdirSync(dir)) {
      it(`${folder}/samples/${file} is claimed by its own parser`, () => {
        const want = typeof owner === 'string' ? owner : owner(file);
        const head = readFileSync(join(dir, file), 'utf8').split('\n').slice(0, 50);
        const sample = { name: `/var/log/${file}`, head };
        const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect(sample) }));
        const best = scores.reduce((a, b) => (b.score > a.score ? b : a));
        expect(best.id, JSON.stringify(scores.filter((s) => s.score > 0))).toBe(want);
        expect(best.score).toBeGreaterThan(genericParser.detect(sample));
        const others = scores.filter((s) => s.id !== want && s.score === best.score);
        expect(others).toEqual([]);
      });
    }
  }

  it('no parser throws on hostile input, and every event it makes is well-formed', () => {
    // Seeded junk: random printable/control/unicode lines plus fragments of real formats.
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pieces = ['level=INFO ts=', '261123 14:05:41 2207 ', '{"@type":"', 'lease 192.0.2.1 {', 'nat ', '[23/Nov/2026:', 'Nov 23 ', '2026-11-23 13:10:04,221 | INFO     | ', 'INFO    Mon, 23 Nov 2026 14:05:41 +0100; ', '"', '=', '}', '\u0000', '\ufffd', 'é', '2001:db8::', '999.1.1.1', 'queueid=', 'Received JobID=', 'PanDA job id: '];
    const lines: string[] = [];
    for (let i = 0; i < 1500; i++) {
      let l = '';
      const n = Math.floor(rnd() * 12);
      for (let j = 0; j < n; j++) l += rnd() < 0.5 ? pieces[Math.floor(rnd() * pieces.length)] : String.fromCharCode(Math.floor(rnd() * 0x3000));
      lines.push(l);
    }
    const text = lines.join('\n');
    for (const p of [...OTHER_PARSERS, genericParser]) {
      const { events, problems } = runParserOther(p, text, { fileTimeMs: Date.UTC(2026, 10, 24) });
      for (const e of events) {
        expect(Number.isFinite(e.time.ts), p.id).toBe(true);
        expect(e.src?.line, p.id).toBeGreaterThanOrEqual(1);
        expect(e.src?.line, p.id).toBeLessThanOrEqual(lines.length);
      }
      for (const pr of problems) if (pr.line !== undefined) expect(pr.line).toBeLessThanOrEqual(lines.length);
    }
  });
});

