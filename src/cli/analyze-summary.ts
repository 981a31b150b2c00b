/** The `analyze` summary: inputs, events per parser, tokens by kind, problems grouped by code. */
import type { Case } from '../model/case';

export interface AnalyzeSummary {
  caseId: string;
  out?: string;
  inputs: { files: number; members: number; bytes: number; skipped: number };
  events: { total: number; byParser: Record<string, number> };
  tokens: { distinct: number; sightingsByKind: Record<string, number> };
  problems: { total: number; byCode: Record<string, { count: number; examples: string[] }> };
}

const EXAMPLES = 3;

export function summarize(c: Case, out: string | undefined): AnalyzeSummary {
  const byParser: Record<string, number> = {};
  let members = 0;
  let skipped = 0;
  let bytes = 0;
  for (const i of c.inputs) {
    if (i.parent) members++;
    else bytes += i.size;
    if (i.parser === 'skipped') skipped++;
    if (i.events) byParser[i.parser] = (byParser[i.parser] ?? 0) + i.events;
  }
  const byCode: AnalyzeSummary['problems']['byCode'] = {};
  for (const p of c.problems) {
    const g = byCode[p.code] ?? { count: 0, examples: [] };
    byCode[p.code] = g;
    g.count++;
    if (g.examples.length < EXAMPLES) g.examples.push(`${p.input}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  }
  return {
    caseId: c.id,
    ...(out ? { out } : {}),
    inputs: { files: c.inputs.length - members, members, bytes, skipped },
    events: { total: c.events.length, byParser: sorted(byParser) },
    tokens: { distinct: c.tokens.length, sightingsByKind: sorted(c.redaction as Record<string, number>) },
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
    `inputs: ${s.inputs.files} given (${mb(s.inputs.bytes)}), ${s.inputs.members} archive members, ${s.inputs.skipped} skipped`,
    `events: ${s.events.total}`,
    ...Object.entries(s.events.byParser).map(([p, n]) => `  ${p.padEnd(24)} ${n}`),
    `tokens: ${s.tokens.distinct} distinct`,
    ...Object.entries(s.tokens.sightingsByKind).map(([k, n]) => `  ${k.padEnd(24)} ${n} sighting(s)`),
    `problems: ${s.problems.total}`,
  ];
  for (const [code, g] of Object.entries(s.problems.byCode)) {
    lines.push(`  ${code} (${g.count})`);
    for (const e of g.examples) lines.push(`    ${e}`);
    if (g.count > g.examples.length) lines.push(`    … ${g.count - g.examples.length} more`);
  }
  return `${lines.join('\n')}\n`;
}
