/**
 * The redaction invariant across every report format × profile: a case built by the real
 * pipeline from the corpus (every credential form, inside real log formats) leaks no secret, and
 * the public profile leaks no person or address.
 */
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../ingest/source';
import { analyzeSources } from '../pipeline/index';
import { buildCorpus } from '../redact/corpus';
import { REPORT_FORMATS, renderReport } from './index';

const corpus = await buildCorpus();
const text = [...corpus.lines.map((l, i) => `2026-11-23T10:${String(i % 60).padStart(2, '0')}:00Z ${l}`), ...corpus.pemBlock, ...corpus.negatives].join('\n');
const c = await analyzeSources([bytesSource('wn042.example-site.org/var/log/payload.log', `${text}\n`), bytesSource('tmp/bt_u1001', `${corpus.tokens.wlcg}\n`)], { name: 'corpus' });

describe('report redaction invariant', () => {
  it('the corpus case holds exposures and findings to report', () => {
    expect(c.tokens.length).toBeGreaterThan(10);
    expect(c.findings.some((f) => f.rule === 'exposure.token-in-log')).toBe(true);
  });

  for (const profile of ['csirt', 'vo', 'public'] as const) {
    it(`${profile}: no corpus secret in any format`, async () => {
      for (const format of REPORT_FORMATS) {
        const r = await renderReport(c, [], { format, profile, vo: 'cms', tlp: 'amber', generatedAt: '2026-11-23T16:00:00Z', pseudonymKey: '0f'.repeat(16) });
        for (const s of corpus.secrets) expect(r.text.includes(s), `${format}/${profile} leaks ${s.slice(0, 20)}…`).toBe(false);
        if (profile === 'public') {
          for (const v of [...corpus.personal.users, ...corpus.personal.subjects, ...corpus.personal.ips, ...corpus.personal.emails]) {
            expect(r.text, `${format} keeps ${v}`).not.toMatch(new RegExp(`(?<![A-Za-z0-9_-])${v.replace(/\./g, '\\.')}(?![A-Za-z0-9_-])`));
          }
        }
      }
    });
  }
});
