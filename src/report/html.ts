/**
 * Self-contained HTML report: inline CSS, no scripts, no external requests, printable with the
 * TLP label at the top of the document and of every printed page.
 */
import { TLP_COLOUR, TLP_MEANING, tlpLabel } from './options';
import type { ReportData, ReportEvidence } from './report-data';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const h = escapeHtml;
const list = (xs: string[], empty = 'none') => (xs.length ? `<ul>${xs.map((x) => `<li>${h(x)}</li>`).join('')}</ul>` : `<p class="none">${empty}</p>`);
const inline = (xs: string[]) => (xs.length ? xs.map((x) => `<code>${h(x)}</code>`).join(' ') : '—');

function evidenceList(ev: ReportEvidence[]): string {
  if (!ev.length) return '<p class="none">no evidence lines</p>';
  return `<ul class="evidence">${ev
    .map((e) => `<li><span class="src">${h(e.input)}:${e.line}</span>${e.text ? `<pre>${h(e.text)}</pre>` : ''}</li>`)
    .join('')}</ul>`;
}

const CSS = (tlpColour: string, tlp: string) => `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;margin:0 auto;max-width:1100px;padding:0 24px 48px}
header.tlp{background:#000;color:${tlpColour};font-weight:700;padding:6px 12px;margin:16px 0;display:flex;justify-content:space-between;gap:24px}
h1{font-size:24px;margin:8px 0} h2{font-size:18px;border-bottom:2px solid #d0d5dd;padding-bottom:4px;margin-top:28px}
table{border-collapse:collapse;width:100%;font-size:12.5px} th,td{border:1px solid #d0d5dd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f0f2f5} code,pre{font:12px/1.35 ui-monospace,Menlo,Consolas,monospace} pre{white-space:pre-wrap;word-break:break-all;margin:2px 0;background:#f6f7f9;padding:3px 6px}
.sev{font-weight:700;text-transform:uppercase;font-size:11px;padding:1px 6px;border-radius:3px;color:#fff}
.sev-critical{background:#7a0019}.sev-high{background:#c62828}.sev-medium{background:#ef6c00}.sev-low{background:#f9a825;color:#000}.sev-info{background:#607d8b}
.meta td:first-child{width:220px;font-weight:600} .none{color:#5b6475;font-style:italic} .evidence .src{color:#5b6475;font-size:12px}
.finding{border:1px solid #d0d5dd;border-radius:4px;padding:8px 12px;margin:10px 0;break-inside:avoid}
@page{margin:18mm 12mm 14mm;@top-center{content:"${tlp}";font:700 11px system-ui,sans-serif;color:${tlpColour};background:#000;padding:2px 10px}@bottom-center{content:"${tlp}";font:700 9px system-ui,sans-serif}}
@media print{body{max-width:none;padding:0} h2{break-after:avoid} tr{break-inside:avoid} footer{display:none}}
`;

/** Renders the HTML report. */
export function renderHtml(d: ReportData): string {
  const tlp = tlpLabel(d.tlp);
  const s: string[] = [];
  s.push('<!doctype html>', '<html lang="en"><head><meta charset="utf-8">');
  s.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  s.push(`<meta name="tlp" content="${h(tlp)}">`);
  s.push(`<title>${h(tlp)} ${h(d.title)}</title><style>${CSS(TLP_COLOUR[d.tlp], tlp)}</style></head><body>`);
  s.push(`<header class="tlp" id="tlp"><span>${h(tlp)}</span><span>${h(TLP_MEANING[d.tlp])}</span></header>`);
  s.push(`<h1>${h(d.title)}</h1>`);
  s.push('<table class="meta">');
  for (const [k, v] of [
    ['Case', `${d.caseName} (${d.caseId})`],
    ['Site', d.site],
    ['Generated', d.generatedAt],
    ['Analyst', d.analyst || '—'],
    ['Audience profile', d.vo ? `${d.profile} (VO ${d.vo})` : d.profile],
    ['Tool', d.tool],
  ] as const)
    s.push(`<tr><td>${h(k)}</td><td>${h(v)}</td></tr>`);
  s.push('</table>');

  s.push('<section id="summary"><h2>Summary</h2>');
  s.push(`<p>${h(d.summary.what)}</p>`);
  s.push(`<p><strong>When:</strong> ${h(d.summary.from || 'unknown')} — ${h(d.summary.to || 'unknown')} (UTC)</p>`);
  s.push(`<p><strong>Impact:</strong></p>${list(d.summary.impact)}</section>`);

  s.push('<section id="timeline"><h2>Key-event timeline</h2>');
  if (!d.keyEvents.length) s.push('<p class="none">no key events</p>');
  else {
    s.push('<table><thead><tr><th>Time (UTC)</th><th>Kind</th><th>What</th><th>Evidence</th></tr></thead><tbody>');
    for (const e of d.keyEvents)
      s.push(
        `<tr><td>${h(e.time)}${e.starred ? ' ★' : ''}${e.assumed ? `<br><small>${h(e.assumed)}</small>` : ''}</td><td>${h(e.kind)}</td><td>${h(e.summary)}</td><td><span class="src">${h(e.input)}:${e.line}</span>${e.text ? `<pre>${h(e.text)}</pre>` : ''}</td></tr>`,
      );
    s.push('</tbody></table>');
  }
  s.push('</section>');

  s.push('<section id="tokens"><h2>Tokens involved</h2>');
  if (!d.tokens.length) s.push('<p class="none">no tokens</p>');
  for (const t of d.tokens) {
    s.push(`<div class="finding"><p><strong>${h(t.kind)}</strong> fingerprint <code>${h(t.fp16)}</code>${t.jti ? `, jti <code>${h(t.jti)}</code>` : ''}</p>`);
    s.push('<table class="meta">');
    for (const [k, v] of [
      ['Issuer', t.iss],
      ['Subject', t.sub],
      ['Audience', t.aud.join(' ')],
      ['Scopes', t.scopes.join(' ')],
      ['Issued / expires (UTC)', `${t.iat || '?'} / ${t.exp || '?'}`],
      ['Lifetime', t.lifetime],
      ['Redacted form', t.redacted],
    ] as const)
      s.push(`<tr><td>${h(k)}</td><td><code>${h(v || '—')}</code></td></tr>`);
    s.push('</table>');
    s.push(`<p>Findings on this token:</p>${list(t.findings)}</div>`);
  }
  s.push('</section>');

  s.push('<section id="affected"><h2>Affected users, pilots, payloads, hosts and IPs</h2><table>');
  for (const [k, v] of [
    ['Users / subjects', d.affected.users],
    ['Pilots', d.affected.pilots],
    ['Payloads', d.affected.payloads],
    ['Hosts', d.affected.hosts],
    ['IP addresses', d.affected.ips],
  ] as const)
    s.push(`<tr><th>${h(k)}</th><td>${inline(v)}</td></tr>`);
  s.push('</table></section>');

  s.push('<section id="traceability"><h2>Traceability answers</h2>');
  if (!d.answers.length) s.push('<p class="none">no traceability questions were asked for this report</p>');
  for (const a of d.answers) {
    s.push(`<div class="finding"><p><strong>${h(a.question)}</strong> — ${h(a.explanation)}</p>`);
    s.push(`<p>${a.ambiguous ? '<strong>Ambiguous:</strong> more than one candidate fits the evidence.' : 'Unambiguous.'} Clock tolerance ±${h(a.clockTolerance)}.</p>`);
    if (a.gaps.length) s.push(`<p>Gaps:</p>${list(a.gaps)}`);
    for (const c of a.candidates) {
      s.push(
        `<p>Candidate (${h(c.confidence)}${c.reason ? `: ${h(c.reason)}` : ''}): VO ${h(c.vo || '?')}; jobs ${inline(c.jobIds)}; pilots ${inline(c.pilotIds)}; payloads ${inline(c.payloadIds)}; users ${inline(c.users)}; IPs ${inline(c.ips)}; tokens ${inline(c.tokens)}</p>`,
      );
      s.push(evidenceList(c.evidence));
    }
    s.push('</div>');
  }
  s.push('</section>');

  s.push('<section id="findings"><h2>Findings</h2>');
  if (!d.findings.length) s.push('<p class="none">no findings</p>');
  for (const f of d.findings) {
    s.push(`<div class="finding" id="f-${h(f.id)}"><p><span class="sev sev-${h(f.severity)}">${h(f.severity)}</span> <strong>${h(f.title)}</strong></p>`);
    s.push(`<p>${h(f.explanation)}${f.source ? ` <em>(source: ${h(f.source)})</em>` : ''}</p>`);
    s.push(`<p>Evidence:</p>${evidenceList(f.evidence)}`);
    s.push(`<p>Containment:</p>${list(f.containment)}</div>`);
  }
  s.push('</section>');

  s.push('<section id="containment"><h2>Containment and recommendations</h2>');
  s.push(`<h3>Containment</h3>${list(d.containment, 'no containment needed')}`);
  s.push(`<h3>What to check next</h3>${list(d.recommendations)}</section>`);

  s.push('<section id="appendix"><h2>Evidence appendix</h2>');
  s.push('<table class="meta">');
  for (const [k, v] of [
    ['Tool version', d.tool],
    ['Redaction profile', d.vo ? `${d.profile} (VO ${d.vo})` : d.profile],
    ['Clock-skew tolerance', `±${d.appendix.clockTolerance}`],
    ['Default timezone', d.appendix.timezone],
    ['Credentials redacted', d.appendix.redaction.join(', ') || 'none'],
    ['Input problems recorded', String(d.appendix.problems)],
  ] as const)
    s.push(`<tr><td>${h(k)}</td><td>${h(v)}</td></tr>`);
  s.push('</table>');
  s.push(`<h3>Timezone assumptions</h3>${list(d.appendix.tzAssumptions, 'every timestamp carried its zone')}`);
  s.push('<h3>Inputs (chain of custody)</h3><table><thead><tr><th>Input</th><th>Size</th><th>SHA-256</th><th>Parser</th><th>TZ</th></tr></thead><tbody>');
  for (const i of d.appendix.inputs)
    s.push(`<tr><td>${h(i.path)}</td><td>${i.size}</td><td><code>${h(i.sha256)}</code></td><td>${h(i.parser)}</td><td>${h(i.tz)}</td></tr>`);
  s.push('</tbody></table>');
  s.push(`<h3>What this report shares</h3><p>Kept:</p>${list(d.sharing.kept)}<p>Pseudonymised:</p>${list(d.sharing.pseudonymised)}<p>Dropped:</p>${list(d.sharing.dropped)}`);
  s.push('</section>');
  s.push(`<footer><header class="tlp"><span>${h(tlp)}</span><span>${h(d.generatedAt)}</span></header></footer>`);
  s.push('</body></html>\n');
  return s.join('\n');
}
