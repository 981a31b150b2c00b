import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { validateCase } from '../model/validate';
import { REPORT_FORMATS, type ReportFormat, type ReportOptions, renderReport } from './index';
import { FIXTURE_PEOPLE, fixtureAnswers, fixtureCase } from './testing/fixture-case';

const KEY = '00112233445566778899aabbccddeeff';
const opts = (format: ReportFormat, extra: Partial<ReportOptions> = {}): ReportOptions => ({
  format, profile: 'csirt', tlp: 'amber', generatedAt: '2026-11-23T16:00:00Z', pseudonymKey: KEY, analyst: 'Sam Analyst', ...extra,
});

/** Minimal RFC 4180 reader for the test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\r') continue;
    else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += ch;
  }
  return rows;
}

describe('report formats', () => {
  it('HTML parses, is self-contained and has every section and the TLP label', async () => {
    const r = await renderReport(fixtureCase(), fixtureAnswers(), opts('html'));
    const doc = parse(r.text);
    expect(doc.childNodes.length).toBeGreaterThan(0);
    for (const id of ['tlp', 'summary', 'timeline', 'tokens', 'affected', 'traceability', 'findings', 'containment', 'appendix']) expect(r.text).toContain(`id="${id}"`);
    expect(r.text).toContain('TLP:AMBER');
    expect(r.text).toMatch(/@top-center\{content:"TLP:AMBER"/);
    expect(r.text).not.toMatch(/<script|src="http|href="http|@import/i);
    expect(r.text).toContain('jti=3f0b9c7e-51a2-4d6f-8b3e-2a9c4d7e1f60');
    expect(r.text).toContain('0'.repeat(64)); // input hash in the appendix
  });

  it('JSON is the profile-filtered case and validates against the schema', async () => {
    for (const profile of ['csirt', 'vo', 'public'] as const) {
      const r = await renderReport(fixtureCase(), [], opts('json', { profile, vo: 'cms' }));
      const doc = JSON.parse(r.text);
      expect(validateCase(doc).errors).toEqual([]);
      expect(doc.profile).toBe(profile);
    }
  });

  it('STIX 2.1 bundle has required properties, an indicator for the attacker IP and the TLP 2.0 marking', async () => {
    const r = await renderReport(fixtureCase(), fixtureAnswers(), opts('stix'));
    const b = JSON.parse(r.text);
    expect(b.type).toBe('bundle');
    expect(b.id).toMatch(/^bundle--[0-9a-f-]{36}$/);
    for (const o of b.objects) {
      expect(o.id).toMatch(new RegExp(`^${o.type}--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`));
      if (!o.type.endsWith('-addr')) expect(o.spec_version).toBe('2.1');
      if (!['marking-definition', 'ipv4-addr', 'ipv6-addr'].includes(o.type)) {
        expect(o.created).toBeTruthy();
        expect(o.modified).toBeTruthy();
        expect(o.object_marking_refs).toEqual(['marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421']);
      }
    }
    const types = b.objects.map((o: { type: string }) => o.type);
    for (const t of ['marking-definition', 'identity', 'incident', 'indicator', 'observed-data', 'relationship']) expect(types).toContain(t);
    const ind = b.objects.find((o: { type: string }) => o.type === 'indicator');
    expect(ind.pattern).toBe("[ipv4-addr:value = '203.0.113.7']");
    const md = b.objects.find((o: { type: string }) => o.type === 'marking-definition');
    expect(md.name).toBe('TLP:AMBER');
  });

  it('Timesketch lines carry message, datetime with offset and timestamp_desc', async () => {
    const r = await renderReport(fixtureCase(), [], opts('timesketch'));
    const lines = r.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(fixtureCase().events.length);
    for (const l of lines) {
      expect(typeof l.message).toBe('string');
      expect(l.datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
      expect(typeof l.timestamp_desc).toBe('string');
    }
  });

  it('CSV parses with one row per event and a constant column count', async () => {
    const r = await renderReport(fixtureCase(), [], opts('csv'));
    const rows = parseCsv(r.text);
    expect(rows).toHaveLength(fixtureCase().events.length + 1);
    expect(new Set(rows.map((x) => x.length)).size).toBe(1);
    expect(rows[0]).toContain('time_utc');
  });

  it('MISP event has ip-src and text attributes and a token object with the fingerprint only', async () => {
    const r = await renderReport(fixtureCase(), fixtureAnswers(), opts('misp'));
    const e = JSON.parse(r.text).Event;
    expect(e.Attribute.some((a: { type: string; value: string }) => a.type === 'ip-src' && a.value === '203.0.113.7')).toBe(true);
    expect(e.Attribute.some((a: { type: string }) => a.type === 'text')).toBe(true);
    expect(e.Object[0].Attribute.find((a: { object_relation: string }) => a.object_relation === 'fingerprint-sha256-prefix').value).toBe('3f9a1c0d2b7e4a61');
    expect(r.text).not.toContain('eyJ');
    expect(e.Tag).toContainEqual({ name: 'tlp:amber' });
  });

  it('EGI initial report has the EGI subject line', async () => {
    const r = await renderReport(fixtureCase(), fixtureAnswers(), opts('egi'));
    expect(r.text.split('\n')[0]).toBe('Subject: Security incident suspected at example-site.org [EGI-20261123] TLP:AMBER');
  });

  it('is deterministic: same case, options and generation time give identical bytes', async () => {
    for (const f of REPORT_FORMATS) {
      const a = await renderReport(fixtureCase(), fixtureAnswers(), opts(f, { profile: 'vo', vo: 'cms' }));
      const b = await renderReport(fixtureCase(), fixtureAnswers(), opts(f, { profile: 'vo', vo: 'cms' }));
      expect(a.text).toBe(b.text);
    }
  });
});

describe('report profiles', () => {
  it('public: no original user name, subject, e-mail, IP or host name in any format, and no raw lines', async () => {
    for (const f of REPORT_FORMATS) {
      const r = await renderReport(fixtureCase(), fixtureAnswers(), opts(f, { profile: 'public', tlp: 'clear' }));
      for (const v of [...FIXTURE_PEOPLE.users, ...FIXTURE_PEOPLE.subjects, ...FIXTURE_PEOPLE.emails, ...FIXTURE_PEOPLE.ips, ...FIXTURE_PEOPLE.hosts]) {
        expect(r.text, `${f} leaks ${v}`).not.toMatch(new RegExp(`(?<![A-Za-z0-9_-])${v.replace(/[.]/g, '\\.')}(?![A-Za-z0-9_-])`));
      }
      expect(r.text, `${f} keeps a raw line`).not.toContain('AuthMethod=SCITOKENS');
      expect(r.text, `${f} keeps a token payload`).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
    }
  });

  it('vo: members of the named VO stay readable, everyone else is pseudonymised with stable aliases', async () => {
    const r = await renderReport(fixtureCase(), fixtureAnswers(), opts('csv', { profile: 'vo', vo: 'cms' }));
    expect(r.text).toContain('alice');
    expect(r.text).not.toMatch(/(?<![A-Za-z0-9_-])bob(?![A-Za-z0-9_-])/);
    expect(r.text).not.toContain('bad0c0de-0000-4000-8000-00000000f00d');
    const alias = /user-[0-9a-f]{8}/.exec(r.text)?.[0];
    expect(alias).toBeTruthy();
    const again = await renderReport(fixtureCase(), fixtureAnswers(), opts('timesketch', { profile: 'vo', vo: 'cms' }));
    expect(again.text).toContain(alias!);
    const otherCase = await renderReport(fixtureCase(), fixtureAnswers(), opts('csv', { profile: 'vo', vo: 'cms', pseudonymKey: 'ffeeddccbbaa99887766554433221100' }));
    expect(otherCase.text).not.toContain(alias!);
    expect(r.text).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
  });

  it('excluded findings stay out', async () => {
    const r = await renderReport(fixtureCase(), [], opts('html', { excludeFindings: [fixtureCase().findings[1]!.id] }));
    expect(r.text).not.toContain('Token present in a log file');
    expect(r.text).toContain('Token used from an IP where none of its pilots ran');
  });
});
