/** Markdown report: the same sections and content as the HTML report. */
import { TLP_MEANING, tlpLabel } from './options';
import type { ReportData, ReportEvidence } from './report-data';

/** Escapes Markdown table/inline syntax in a cell. */
function md(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([*_`<>[\]])/g, '\\$1');
}
const code = (s: string) => (s ? `\`${s.replace(/`/g, "'")}\`` : '—');
const bullets = (xs: string[], empty = '_none_') => (xs.length ? xs.map((x) => `- ${md(x)}`).join('\n') : empty);
function evidence(ev: ReportEvidence[]): string {
  if (!ev.length) return '_no evidence lines_';
  return ev.map((e) => `- ${code(`${e.input}:${e.line}`)}${e.text ? `\n\n  \`\`\`\n  ${e.text.replace(/```/g, "'''")}\n  \`\`\`` : ''}`).join('\n');
}

export function renderMarkdown(d: ReportData): string {
  const tlp = tlpLabel(d.tlp);
  const o: string[] = [];
  o.push(`**${tlp}** — ${TLP_MEANING[d.tlp]}`, '', `# ${md(d.title)}`, '');
  o.push('| | |', '|---|---|');
  o.push(`| Case | ${md(`${d.caseName} (${d.caseId})`)} |`, `| Site | ${md(d.site)} |`, `| Generated | ${md(d.generatedAt)} |`);
  o.push(`| Analyst | ${md(d.analyst || '—')} |`, `| Audience profile | ${md(d.vo ? `${d.profile} (VO ${d.vo})` : d.profile)} |`, `| Tool | ${md(d.tool)} |`, '');
  o.push('## Summary', '', md(d.summary.what), '', `**When:** ${md(d.summary.from || 'unknown')} — ${md(d.summary.to || 'unknown')} (UTC)`, '', '**Impact:**', '', bullets(d.summary.impact), '');
  o.push('## Key-event timeline', '');
  if (!d.keyEvents.length) o.push('_no key events_');
  else {
    o.push('| Time (UTC) | Kind | What | Evidence |', '|---|---|---|---|');
    for (const e of d.keyEvents) o.push(`| ${md(e.time)}${e.starred ? ' ★' : ''} | ${md(e.kind)} | ${md(e.summary)} | ${code(`${e.input}:${e.line}`)}${e.text ? ` ${code(e.text)}` : ''} |`);
  }
  o.push('', '## Tokens involved', '');
  if (!d.tokens.length) o.push('_no tokens_');
  for (const t of d.tokens) {
    o.push(`### ${md(t.kind)} ${code(t.fp16)}`, '');
    o.push('| | |', '|---|---|');
    for (const [k, v] of [
      ['jti', t.jti], ['Issuer', t.iss], ['Subject', t.sub], ['Audience', t.aud.join(' ')], ['Scopes', t.scopes.join(' ')],
      ['Issued / expires (UTC)', `${t.iat || '?'} / ${t.exp || '?'}`], ['Lifetime', t.lifetime], ['Redacted form', t.redacted],
    ] as const)
      o.push(`| ${k} | ${code(v)} |`);
    o.push('', 'Findings on this token:', '', bullets(t.findings), '');
  }
  o.push('## Affected users, pilots, payloads, hosts and IPs', '');
  for (const [k, v] of [['Users / subjects', d.affected.users], ['Pilots', d.affected.pilots], ['Payloads', d.affected.payloads], ['Hosts', d.affected.hosts], ['IP addresses', d.affected.ips]] as const)
    o.push(`- **${k}:** ${v.length ? v.map(code).join(' ') : '—'}`);
  o.push('', '## Traceability answers', '');
  if (!d.answers.length) o.push('_no traceability questions were asked for this report_');
  for (const a of d.answers) {
    o.push(`### ${md(a.question)}`, '', md(a.explanation), '', `${a.ambiguous ? '**Ambiguous:** more than one candidate fits the evidence.' : 'Unambiguous.'} Clock tolerance ±${md(a.clockTolerance)}.`, '');
    if (a.gaps.length) o.push('Gaps:', '', bullets(a.gaps), '');
    for (const c of a.candidates) {
      o.push(`- Candidate (${md(c.confidence)}${c.reason ? `: ${md(c.reason)}` : ''}): VO ${md(c.vo || '?')}; jobs ${c.jobIds.map(code).join(' ') || '—'}; pilots ${c.pilotIds.map(code).join(' ') || '—'}; payloads ${c.payloadIds.map(code).join(' ') || '—'}; users ${c.users.map(code).join(' ') || '—'}; IPs ${c.ips.map(code).join(' ') || '—'}; tokens ${c.tokens.map(code).join(' ') || '—'}`);
      o.push('', evidence(c.evidence), '');
    }
  }
  o.push('## Findings', '');
  if (!d.findings.length) o.push('_no findings_');
  for (const f of d.findings) {
    o.push(`### [${f.severity.toUpperCase()}] ${md(f.title)}`, '', `${md(f.explanation)}${f.source ? ` _(source: ${md(f.source)})_` : ''}`, '', 'Evidence:', '', evidence(f.evidence), '', 'Containment:', '', bullets(f.containment), '');
  }
  o.push('## Containment and recommendations', '', '### Containment', '', bullets(d.containment, '_no containment needed_'), '', '### What to check next', '', bullets(d.recommendations), '');
  o.push('## Evidence appendix', '');
  o.push(`- Tool version: ${md(d.tool)}`, `- Redaction profile: ${md(d.vo ? `${d.profile} (VO ${d.vo})` : d.profile)}`, `- Clock-skew tolerance: ±${md(d.appendix.clockTolerance)}`);
  o.push(`- Default timezone: ${md(d.appendix.timezone)}`, `- Credentials redacted: ${md(d.appendix.redaction.join(', ') || 'none')}`, `- Input problems recorded: ${d.appendix.problems}`, '');
  o.push('### Timezone assumptions', '', bullets(d.appendix.tzAssumptions, '_every timestamp carried its zone_'), '');
  o.push('### Inputs (chain of custody)', '', '| Input | Size | SHA-256 | Parser | TZ |', '|---|---|---|---|---|');
  for (const i of d.appendix.inputs) o.push(`| ${md(i.path)} | ${i.size} | ${code(i.sha256)} | ${md(i.parser)} | ${md(i.tz)} |`);
  o.push('', '### What this report shares', '', 'Kept:', '', bullets(d.sharing.kept), '', 'Pseudonymised:', '', bullets(d.sharing.pseudonymised), '', 'Dropped:', '', bullets(d.sharing.dropped), '');
  o.push(`**${tlp}**`, '');
  return o.join('\n');
}
