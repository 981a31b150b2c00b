/**
 * End to end over generated hand-over bundles: ingest (real parsers, real redactor) → correlate →
 * trace every question of the answer key (answers.json) with its own query, and check the
 * findings the key expects. Bundles: the committed demo (assets/demo) and each scenario generated
 * small in memory.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCaseWithGraph } from '../correlate/analyze-case';
import type { Graph } from '../correlate/graph';
import { eventRefs } from '../correlate/refs';
import { buildCase } from '../ingest/build-case';
import { ingest } from '../ingest/ingest';
import { bytesSource, type InputSource } from '../ingest/source';
import type { Case } from '../model/case';
import type { TgEvent } from '../model/event';
import type { TraceAnswer, TraceQuery } from '../model/trace';
import { genericParser } from '../parsers/generic/index';
import { PARSERS } from '../parsers/registry';
import { createLineRedactor } from '../redact/index';
import type { QuestionAnswer, ScenarioAnswers } from '../scenario/answers';
import { collectScenario } from '../scenario/testing';
import { judgeToken } from '../tokens/index';
import { trace } from './index';

async function caseOf(sources: InputSource[]): Promise<{ c: Case; g: Graph }> {
  const events: TgEvent[] = [];
  const result = await ingest(sources, { redactor: createLineRedactor(), parsers: PARSERS, fallback: genericParser, tz: 'Europe/Zurich', year: 2026, onEvents: (b) => void events.push(...b) });
  const c0 = await buildCase(result, events, { name: 'scenario', tz: 'Europe/Zurich' });
  const { case: c, graph: g } = analyzeCaseWithGraph(c0, { judge: (t) => judgeToken(t) });
  return { c, g };
}

function queryOf(q: QuestionAnswer['query']): TraceQuery {
  const out: TraceQuery = {};
  if (q.at) out.at = Date.parse(q.at);
  if (q.until) out.until = Date.parse(q.until);
  for (const k of ['ip', 'activity', 'job', 'user', 'vo'] as const) if (q[k]) out[k] = q[k];
  return out;
}

const union = (a: TraceAnswer, f: (c: TraceAnswer['candidates'][number]) => string[]) => [...new Set(a.candidates.flatMap(f))].sort();

/** Checks one question of the key against the answer; returns a list of mismatches (empty = right). */
function check(q: QuestionAnswer, answers: TraceAnswer[]): string[] {
  const a = answers.find((x) => x.question === q.id);
  if (!a) return [`${q.id}: no answer`];
  const bad: string[] = [];
  const want = q.expected;
  const cmp = (what: string, got: string[], exp: string[] | undefined, exact: boolean) => {
    if (!exp) return;
    const missing = exp.filter((x) => !got.includes(x));
    const extra = got.filter((x) => !exp.includes(x));
    if (missing.length || (exact && extra.length)) bad.push(`${q.id} ${what}: want ${exp.join(',')} got ${got.join(',')}`);
  };
  cmp('vos', union(a, (c) => (c.vo ? [c.vo] : [])), want.vos, true);
  cmp('jobIds', union(a, (c) => c.jobIds).filter((j) => j.includes('#')), want.jobIds, true);
  cmp('pilotIds', union(a, (c) => c.pilotIds), want.pilotIds, false);
  cmp('payloadIds', union(a, (c) => c.payloadIds), want.payloadIds, true);
  cmp('users', union(a, (c) => c.users), want.users, true);
  cmp('ips', union(a, (c) => c.ips), want.ips, true);
  if (a.ambiguous !== want.ambiguous) bad.push(`${q.id} ambiguous: want ${want.ambiguous} got ${a.ambiguous}`);
  for (const c of a.candidates) {
    if (c.evidence.length === 0) bad.push(`${q.id}: a candidate without evidence`);
    const lines = c.evidence.map((e) => `${e.input}:${e.line}`);
    if (new Set(lines).size !== lines.length) bad.push(`${q.id}: an evidence line cited twice (${lines.join(' ')})`);
  }
  return bad;
}

/** Entity membership (emitted from records and a memo) names the same events as `eventRefs`, the definition the timeline index uses. */
function membershipMatchesRefs(g: Graph): void {
  const count = new Map<string, number>();
  const refs: string[] = [];
  g.events.forEach((e, i) => {
    for (const id of new Set(refs.slice(0, eventRefs(e, i, g, refs)))) count.set(id, (count.get(id) ?? 0) + 1);
  });
  const got = new Map(g.entities.filter((e) => e.eventCount > 0).map((e) => [e.id, e.eventCount]));
  expect(got).toEqual(count);
}

function verify(ans: ScenarioAnswers, g: Graph, c: Case): void {
  membershipMatchesRefs(g);
  const bad: string[] = [];
  for (const q of ans.questions) bad.push(...check(q, trace(queryOf(q.query), g)));
  expect(bad).toEqual([]);
  const rules = new Set(c.findings.map((f) => f.rule));
  for (const f of c.findings) {
    const lines = f.evidence.map((e) => `${e.input}:${e.line}`);
    expect(new Set(lines).size, `${f.id} cites a line twice`).toBe(lines.length);
  }
  for (const r of ans.expectedFindings) expect(rules.has(r), `finding ${r}`).toBe(true);
  // No false alarm: every high or critical misuse finding is one the key expects.
  const unexpected = c.findings.filter((f) => f.rule.startsWith('misuse.') && (f.severity === 'high' || f.severity === 'critical') && !ans.expectedFindings.includes(f.rule));
  expect(unexpected.map((f) => f.title)).toEqual([]);
  if (ans.noHighSeverity) expect(c.findings.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => f.id)).toEqual([]);
  for (const t of ans.compromisedTokens.filter((x) => x.kind === 'access')) {
    const f = c.findings.find((x) => x.rule === 'misuse.foreign-ip' && x.entities.includes(`token:${t.fingerprint}`));
    if (ans.expectedFindings.includes('misuse.foreign-ip')) {
      expect(f, `foreign-ip for ${t.jti}`).toBeDefined();
      expect(f!.containment[0]).toContain(`jti=${t.jti}`);
      expect(f!.containment[0]).toContain(t.iss);
      // A service account's name (`atlas-ddm (service)` in the key) appears in no log of the bundle:
      // then the finding must name its subject instead.
      const who = t.user.endsWith(' (service)') ? t.sub : t.user;
      expect(f!.explanation).toContain(who);
      for (const ip of ans.attackerIps) if (f!.explanation.includes(ip)) return;
      throw new Error(`foreign-ip finding names none of the attacker IPs ${ans.attackerIps.join(', ')}`);
    }
  }
}

function walk(d: string): string[] {
  return readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
}

describe('trace over generated scenarios', () => {
  it('the demo bundle: every question of its answer key, and the expected findings', async () => {
    const root = join(__dirname, '../../assets/demo');
    const ans = JSON.parse(readFileSync(join(root, 'answers.json'), 'utf8')) as ScenarioAnswers;
    const files = walk(join(root, 'bundle'));
    const { c, g } = await caseOf(files.map((f) => bytesSource(f.slice(root.length + 1), new Uint8Array(readFileSync(f)), Date.UTC(2026, 10, 24))));
    verify(ans, g, c);
  });

  for (const name of ['stolen-token', 'nat-ambiguity', 'hijacked-pilot', 'refresh-abuse', 'long-lived-write', 'benign']) {
    it(`scenario ${name}: answers and findings match its key`, async () => {
      const col = await collectScenario({ name, seed: 3, size: 1_000_000, difficulty: 'normal' });
      const sources = [...col.files].filter(([p]) => !p.startsWith('answers:')).map(([p, b]) => bytesSource(p, b, Date.UTC(2026, 10, 24)));
      const { c, g } = await caseOf(sources);
      verify(col.answers, g, c);
    });
  }
});
