/**
 * The `analyze` summary: inputs, events per parser, tokens by kind, findings by severity (the
 * worst few with their first evidence line), problems grouped by code. Everything in it comes from
 * the redacted case.
 */
import type { Case } from '../model/case';
import { SEVERITIES, type Severity, severityRank } from '../model/severity';

export interface AnalyzeSummary {
  caseId: string;
  out?: string;
  inputs: { files: number; members: number; bytes: number; skipped: number; utf16: number };
  events: { total: number; byParser: Record<string, number> };
  tokens: { distinct: number; sightingsByKind: Record<string, number> };
  findings: { total: number; bySeverity: Partial<Record<Severity, number>>; top: Array<{ severity: Severity; title: string; rule: string; evidence: string; more: number }> };
  problems: { total: number; byCode: Record<string, { count: number; examples: string[] }> };
}

const EXAMPLES = 3;
const TOP_FINDINGS = 5;

export function summarize(c: Case, out: string | undefined): AnalyzeSummary {
  const byParser: Record<string, number> = {};
  let members = 0;
  let skipped = 0;
  let utf16 = 0;
  let bytes = 0;
  for (const i of c.inputs) {
    if (i.parent) members++;
    else bytes += i.size;
    if (i.parser === 'skipped') skipped++;
    if (i.encoding) utf16++;
    if (i.events) byParser[i.parser] = (byParser[i.parser] ?? 0) + i.events;
  }
  const byCode: AnalyzeSummary['problems']['byCode'] = {};
  for (const p of c.problems) {
    const g = byCode[p.code] ?? { count: 0, examples: [] };
    byCode[p.code] = g;
    g.count++;
    if (g.examples.length < EXAMPLES) g.examples.push(`${p.input}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  }
  const bySeverity: AnalyzeSummary['findings']['bySeverity'] = {};
  for (const sev of [...SEVERITIES].reverse()) {
    const n = c.findings.filter((f) => f.severity === sev).length;
    if (n) bySeverity[sev] = n;
  }
  const top = [...c.findings]
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, TOP_FINDINGS)
    .map((f) => ({ severity: f.severity, title: f.title, rule: f.rule, evidence: f.evidence[0] ? `${f.evidence[0].input}:${f.evidence[0].line}` : '', more: Math.max(0, f.evidence.length - 1) }));
  return {
    caseId: c.id,
    ...(out ? { out } : {}),
    inputs: { files: c.inputs.length - members, members, bytes, skipped, utf16 },
    events: { total: c.events.length, byParser: sorted(byParser) },
    tokens: { distinct: c.tokens.length, sightingsByKind: sorted(c.redaction as Record<string, number>) },
    findings: { total: c.findings.length, bySeverity, top },
    problems: { total: c.problems.length, byCode: sorted(byCode) },
  };
}

function sorted<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function formatSummary(s: AnalyzeSummary): string {
  const lines = [
    `case ${s.caseId}${s.out ? ` written to ${s.out}` : ' (not written: give --out FILE)'}`,
    `inputs: ${s.inputs.files} given (${mb(s.inputs.bytes)}), ${s.inputs.members} archive members, ${s.inputs.skipped} skipped${s.inputs.utf16 ? `, ${s.inputs.utf16} read as UTF-16` : ''}`,
    `events: ${s.events.total}`,
    ...Object.entries(s.events.byParser).map(([p, n]) => `  ${p.padEnd(24)} ${n}`),
    `tokens: ${s.tokens.distinct} distinct`,
    ...Object.entries(s.tokens.sightingsByKind).map(([k, n]) => `  ${k.padEnd(24)} ${n} sighting(s)`),
    `findings: ${s.findings.total}${s.findings.total ? ` (${Object.entries(s.findings.bySeverity).map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`,
  ];
  for (const f of s.findings.top) {
    lines.push(`  ${f.severity.toUpperCase().padEnd(8)} ${f.title}`);
    if (f.evidence) lines.push(`  ${''.padEnd(8)} evidence: ${f.evidence}${f.more ? ` (+${f.more} more)` : ''}`);
  }
  if (s.findings.total > s.findings.top.length) lines.push(`  … ${s.findings.total - s.findings.top.length} more (tokentrail report, or the Findings view)`);
  lines.push(`problems: ${s.problems.total}`);
  for (const [code, g] of Object.entries(s.problems.byCode)) {
    lines.push(`  ${code} (${g.count})`);
    for (const e of g.examples) lines.push(`    ${e}`);
    if (g.count > g.examples.length) lines.push(`    … ${g.count - g.examples.length} more`);
  }
  if (s.out) lines.push(`next: tokentrail report ${s.out} --format html --tlp amber --out report.html · tokentrail trace ${s.out} --at <ISO time> --ip <IP>`);
  return `${lines.join('\n')}\n`;
}
