/**
 * The parsers over the generated demo hand-over (assets/demo/bundle, made by the scenario
 * generator in real formats): each input goes to the expected parser, few lines are rejected (the
 * generator plants some hostile lines), and the facts the answer key relies on come out as ids.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { EventDraft } from '../model/event';
import { runParserOther } from './common/testing-other';
import { genericParser } from './generic';
import { PARSERS } from './registry';

const root = join(__dirname, '../../assets/demo/bundle');

const EXPECTED: [RegExp, string][] = [
  [/iam-login-service\.log$/, 'iam.audit'],
  [/\/fts3\//, 'fts'],
  [/^network\/hosts$/, 'netmap.hosts'],
  [/^network\/nat-gateways\.txt$/, 'netmap.nat'],
  [/webdavDomain\.access/, 'dcache.access'],
  [/auth\.log/, 'sshd'],
  [/pilotlog\.txt$/, 'panda.pilot'],
  [/access_log$/, 'web.access'],
  [/xrootd\.log/, 'xrootd'],
];

function walk(d: string): string[] {
  return readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
}

interface Parsed {
  name: string;
  want: string;
  parser: string;
  events: EventDraft[];
  problems: number;
  lines: number;
}

function parseBundle(): Parsed[] {
  const out: Parsed[] = [];
  for (const f of walk(root)) {
    let buf = readFileSync(f);
    let name = f.slice(root.length + 1);
    if (name.endsWith('.gz')) {
      buf = gunzipSync(buf);
      name = name.slice(0, -3);
    }
    const want = EXPECTED.find(([re]) => re.test(name))?.[1];
    if (!want) continue;
    const text = buf.toString('utf8');
    // Ingestion sniffs the name without rotation suffixes.
    const sniff = { name: name.replace(/\.(\d+|old|\d{4}-\d{2}-\d{2})$/, ''), head: text.split('\n').slice(0, 50) };
    const parser = PARSERS.reduce((a, b) => (b.detect(sniff) > a.detect(sniff) ? b : a), genericParser);
    const r = runParserOther(parser, text, { name, tz: 'Europe/Zurich', year: 2026, fileTimeMs: Date.UTC(2026, 10, 24) });
    out.push({ name, want, parser: parser.id, events: r.events, problems: r.problems.length, lines: text.split('\n').length });
  }
  return out;
}

describe('parsers over the demo bundle', () => {
  const parsed = parseBundle();

  it('sends every input to the expected parser and rejects only a few lines', () => {
    expect(parsed.length).toBeGreaterThan(15);
    for (const p of parsed) {
      expect(p.parser, p.name).toBe(p.want);
      expect(p.events.length, p.name).toBeGreaterThan(0);
      expect(p.problems, p.name).toBeLessThanOrEqual(3 + p.lines / 100);
    }
  });

  const all = parsed.flatMap((p) => p.events);

  it('links the worker node IP to its pilots and payloads (S1 / V1 facts)', () => {
    const onWn = all.filter((e) => e.kind === 'payload.start' && e.ids.ip === '192.0.2.117');
    expect(new Set(onWn.map((e) => e.ids.pilotId))).toEqual(new Set(['factory01:889761.0', 'factory01:889773.0', 'factory01:889789.0']));
    const alice = onWn.find((e) => e.ids.payloadId === '6879002722')!;
    expect(alice.ids).toMatchObject({ user: 'alice', globalJobId: 'ce01.example-site.org#40118.0#1795420654', vo: 'atlas' });
  });

  it('shows the stolen token used from the outside IP at both storage services', () => {
    const outside = all.filter((e) => e.ids.ip === '203.0.113.52');
    const xrd = outside.find((e) => e.kind === 'token.use');
    expect(xrd?.ids).toMatchObject({ host: 'xrd01.example-site.org', sub: '159ccec7-45ed-416c-b137-f90efa50d364', iss: 'https://atlas-auth.example-iam.org/' });
    const se = outside.filter((e) => e.kind === 'storage.access' && e.ids.host === 'se01.example-site.org');
    expect(se.length).toBeGreaterThan(0);
    expect(se.every((e) => e.ids.sub === '159ccec7-45ed-416c-b137-f90efa50d364')).toBe(true);
  });

  it('maps the NAT gateway address to the private worker nodes behind it', () => {
    const nat = all.filter((e) => e.kind === 'net.map' && e.ids.ip === '192.0.2.250');
    expect(nat.map((e) => e.ids.host).sort()).toEqual(['nat01.example-site.org', 'wn-n01.example-site.org', 'wn-n02.example-site.org']);
  });
});
