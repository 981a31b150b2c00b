/**
 * MISP event JSON: ip-src and text attributes, one object per token carrying its fingerprint
 * (never the token), TLP as a tag.
 */
import type { ReportData } from './report-data';
import { attackerIps } from './stix';
import { nameUuid } from './uuid';

const THREAT_LEVEL: Record<string, string> = { critical: '1', high: '1', medium: '2', low: '3', info: '4' };
const DISTRIBUTION: Record<string, string> = { clear: '3', green: '2', amber: '0', 'amber+strict': '0', red: '0' };

export async function renderMisp(d: ReportData): Promise<string> {
  const date = d.generatedAt.slice(0, 10);
  const ts = String(Math.floor(new Date(d.generatedAt).getTime() / 1000));
  const attrs: Record<string, unknown>[] = [];
  for (const ip of attackerIps(d))
    attrs.push({ uuid: await nameUuid(`misp:ip:${d.caseId}:${ip}`), type: 'ip-src', category: 'Network activity', to_ids: true, value: ip, comment: 'IP that used a stolen or misused token', timestamp: ts });
  attrs.push({ uuid: await nameUuid(`misp:summary:${d.caseId}`), type: 'text', category: 'Other', to_ids: false, value: [d.summary.what, ...d.summary.impact].join(' '), comment: 'summary', timestamp: ts });
  for (const f of d.findings)
    attrs.push({ uuid: await nameUuid(`misp:finding:${d.caseId}:${f.id}`), type: 'text', category: 'Other', to_ids: false, value: `${f.severity.toUpperCase()}: ${f.title} — ${f.explanation}`, comment: f.id, timestamp: ts });
  const objects: Record<string, unknown>[] = [];
  for (const t of d.tokens) {
    const a = (rel: string, type: string, value: string) => ({ object_relation: rel, type, value, to_ids: false });
    const attributes = [a('fingerprint-sha256-prefix', 'text', t.fp16), a('kind', 'text', t.kind)];
    if (t.iss) attributes.push(a('issuer', 'url', t.iss));
    if (t.jti) attributes.push(a('jti', 'text', t.jti));
    if (t.sub) attributes.push(a('subject', 'text', t.sub));
    if (t.exp) attributes.push(a('expiration', 'datetime', t.exp));
    if (t.scopes.length) attributes.push(a('scope', 'text', t.scopes.join(' ')));
    objects.push({ uuid: await nameUuid(`misp:token:${d.caseId}:${t.fp16}`), name: 'bearer-token', 'meta-category': 'misc', description: 'A bearer token seen in the incident (fingerprint only, never the token)', timestamp: ts, Attribute: attributes });
  }
  const worst = d.findings[0]?.severity ?? 'info';
  const event = {
    Event: {
      uuid: await nameUuid(`misp:event:${d.caseId}`),
      info: d.title,
      date,
      timestamp: ts,
      threat_level_id: THREAT_LEVEL[worst] ?? '4',
      analysis: '1',
      distribution: DISTRIBUTION[d.tlp] ?? '0',
      published: false,
      Tag: [{ name: `tlp:${d.tlp}` }, { name: 'tokentrail:profile="' + d.profile + '"' }],
      Attribute: attrs,
      Object: objects,
    },
  };
  return `${JSON.stringify(event, null, 2)}\n`;
}
