/** Cross-detection: every sample of these parsers is claimed by its own parser, with the highest score. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genericParser } from './generic';
import { OTHER_PARSERS } from './other';
import { PARSERS } from './registry';

// folder → parser id; a folder may hold samples for several parsers (netmap), told apart by file.
const OWNERS: Record<string, string | ((file: string) => string)> = {
  'dcache-access': 'dcache.access',
  'dcache-billing': 'dcache.billing',
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
});
