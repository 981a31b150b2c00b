/**
 * STIX 2.1 bundle: the incident, indicators for attacker IPs, observed-data for them, the
 * reporting identity, and the OASIS TLP 2.0 marking definitions. Ids are name-based UUIDs, so the
 * same case gives the same bundle.
 */
import { TLP_LEVELS, type Tlp, tlpLabel } from './options';
import type { ReportData } from './report-data';
import { nameUuid } from './uuid';

/** OASIS TLP 2.0 marking definitions (cti-stix-common-objects, extension-definition tlp-2.0). */
export const TLP2_MARKING_IDS: Record<Tlp, string> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};
const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

export function tlpMarkingDefinition(tlp: Tlp): Record<string, unknown> {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKING_IDS[tlp],
    created: '2022-10-01T00:00:00.000Z',
    name: tlpLabel(tlp),
    extensions: { [TLP2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: tlp } },
  };
}

const isIpv4 = (s: string) => /^(\d{1,3})(\.\d{1,3}){3}$/.test(s);
const isIpv6 = (s: string) => /^[0-9a-f:]+$/i.test(s) && s.includes(':');

/** Attacker IPs as indicators: real addresses only (pseudonymised ones are not indicators). */
export function attackerIps(d: ReportData): string[] {
  return d.attackerIps.filter((ip) => isIpv4(ip) || isIpv6(ip));
}

export async function renderStix(d: ReportData): Promise<string> {
  const created = new Date(d.generatedAt).toISOString();
  const marking = [TLP2_MARKING_IDS[d.tlp]];
  const identityId = `identity--${await nameUuid(`identity:${d.site}:${d.analyst}`)}`;
  const incidentId = `incident--${await nameUuid(`incident:${d.caseId}`)}`;
  const common = { spec_version: '2.1', created, modified: created, created_by_ref: identityId, object_marking_refs: marking };
  const objects: Record<string, unknown>[] = [];
  objects.push(tlpMarkingDefinition(d.tlp));
  objects.push({
    type: 'identity',
    spec_version: '2.1',
    id: identityId,
    created,
    modified: created,
    name: d.analyst ? `${d.analyst} (${d.site})` : d.site,
    identity_class: d.analyst ? 'individual' : 'organization',
    object_marking_refs: marking,
  });
  objects.push({
    type: 'incident',
    id: incidentId,
    ...common,
    name: d.title,
    description: [d.summary.what, ...d.summary.impact, ...d.containment.map((c) => `Containment: ${c}`)].join('\n'),
  });
  const start = d.summary.from ? new Date(d.summary.from).toISOString() : created;
  const end = d.summary.to ? new Date(d.summary.to).toISOString() : created;
  for (const ip of attackerIps(d)) {
    const v6 = ip.includes(':');
    const scoId = `${v6 ? 'ipv6-addr' : 'ipv4-addr'}--${await nameUuid(`ip:${ip}`)}`;
    objects.push({ type: v6 ? 'ipv6-addr' : 'ipv4-addr', spec_version: '2.1', id: scoId, value: ip });
    const indicatorId = `indicator--${await nameUuid(`indicator:${d.caseId}:${ip}`)}`;
    objects.push({
      type: 'indicator',
      id: indicatorId,
      ...common,
      name: `Token misuse from ${ip}`,
      indicator_types: ['malicious-activity'],
      pattern: `[${v6 ? 'ipv6-addr' : 'ipv4-addr'}:value = '${ip}']`,
      pattern_type: 'stix',
      valid_from: start,
    });
    const obsId = `observed-data--${await nameUuid(`observed:${d.caseId}:${ip}`)}`;
    const seen = d.keyEvents.filter((e) => e.summary.includes(ip) || e.text.includes(ip)).length || 1;
    objects.push({ type: 'observed-data', id: obsId, ...common, first_observed: start, last_observed: end, number_observed: seen, object_refs: [scoId] });
    objects.push({
      type: 'relationship',
      id: `relationship--${await nameUuid(`rel:${indicatorId}:${incidentId}`)}`,
      ...common,
      relationship_type: 'indicates',
      source_ref: indicatorId,
      target_ref: incidentId,
    });
  }
  const bundle = { type: 'bundle', id: `bundle--${await nameUuid(`bundle:${d.caseId}:${d.generatedAt}:${d.profile}:${d.tlp}`)}`, objects };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

export { TLP_LEVELS };
