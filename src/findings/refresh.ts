/**
 * `misuse.refresh-unexpected-client`: a subject's refresh token redeemed by a client, or from an
 * IP, that its issued tokens never involved. The expected clients and IPs of a subject are those of
 * its non-refresh issues (authorization code, device code, token exchange...); when there are none,
 * those of its first refresh. Site IPs (mapped nodes and services) are never unexpected.
 */
import { fmtTime, type Graph, sortedUnique } from '../correlate/graph';
import type { Finding } from '../model/finding';
import { evidence, MISUSE_SOURCE } from './common';

const OTHER_ACTOR_GRANTS = /token-exchange|client_credentials/;

function isRefresh(g: Graph, i: number): boolean {
  const e = g.events[i]!;
  return e.kind === 'token.refresh' || (e.kind === 'token.issue' && e.ids.grantType === 'refresh_token');
}

export function refreshFindings(g: Graph): Finding[] {
  const siteIps = new Set<string>([...g.spansByIp.keys()]);
  for (const p of g.pilots.values()) for (const ip of p.statedIps.keys()) siteIps.add(ip);
  const out: Finding[] = [];
  for (const idn of [...g.identities.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    // Only interactive grants hand a refresh token to a client; token exchange and client
    // credentials are other actors (PanDA server, factories) and say nothing about who refreshes.
    const issues = idn.events.filter((i) => g.events[i]!.kind === 'token.issue' && !isRefresh(g, i) && !OTHER_ACTOR_GRANTS.test(g.events[i]!.ids.grantType ?? ''));
    const refreshes = idn.events.filter((i) => isRefresh(g, i));
    if (refreshes.length === 0) continue;
    const base = issues.length ? issues : refreshes.slice(0, 1);
    const clients = new Set(base.map((i) => g.events[i]!.ids.clientId).filter((c): c is string => Boolean(c)));
    const ips = new Set(base.map((i) => g.events[i]!.ids.ip).filter((c): c is string => Boolean(c)));
    const odd = refreshes.filter((i) => {
      const e = g.events[i]!;
      const badClient = e.ids.clientId !== undefined && clients.size > 0 && !clients.has(e.ids.clientId);
      const badIp = e.ids.ip !== undefined && ips.size > 0 && !ips.has(e.ids.ip) && !siteIps.has(e.ids.ip);
      return badClient || badIp;
    });
    if (odd.length === 0) continue;
    const who = idn.users.size ? `${[...idn.users].sort().join(', ')} (${idn.sub})` : idn.sub;
    const oddClients = sortedUnique(odd.map((i) => g.events[i]!.ids.clientId ?? '?'));
    const oddIps = sortedUnique(odd.map((i) => g.events[i]!.ids.ip ?? '?'));
    const iss = idn.iss || 'the issuer';
    out.push({
      id: `misuse.refresh-unexpected-client:${idn.iss}|${idn.sub}`,
      rule: 'misuse.refresh-unexpected-client',
      severity: 'high',
      title: `Refresh token of ${who} redeemed by an unexpected client or IP`,
      explanation: `Tokens of ${who} were issued to client ${[...clients].sort().join(', ') || '?'} from ${[...ips].sort().join(', ') || '?'}, but a refresh token was redeemed by client ${oddClients.join(', ')} from ${oddIps.join(', ')} at ${odd.map((i) => fmtTime(g.events[i]!.time.ts)).slice(0, 3).join(', ')}.`,
      source: `${MISUSE_SOURCE}; refresh tokens: TTT minutes of 21 Feb 2024 and 29 Oct 2024`,
      entities: sortedUnique([idn.id, ...oddIps.filter((x) => x !== '?').map((ip) => `ip:${ip}`), ...odd.flatMap((i) => g.eventTokens[i]!)]),
      evidence: evidence(g, [...odd, ...base.slice(0, 2)]),
      containment: [
        `Revoke at ${iss} the refresh tokens of subject ${idn.sub} held by client ${oddClients.join(', ')} and the access tokens they minted${odd.some((i) => g.events[i]!.ids.jti) ? ` (jti=${sortedUnique(odd.map((i) => g.events[i]!.ids.jti ?? '').filter(Boolean)).join(', ')})` : ''} (or suspend subject ${idn.sub})`,
        `Check at ${iss} whether client ${oddClients.join(', ')} is a registered VO client; disable it if not`,
      ],
    });
  }
  return out;
}
