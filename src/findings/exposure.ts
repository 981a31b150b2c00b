/**
 * `exposure.token-in-log`: a credential appears in a log line or a readable file (the redactor found
 * it; `ids.tokenFps`). One finding per input, listing the tokens and lines to rotate and purge.
 * Severity: high when a token was still valid when written (or its expiry is unknown), medium when
 * every exposed token had already expired.
 */
import { type Graph, pushTo, sortedUnique } from '../correlate/graph';
import type { Finding } from '../model/finding';
import { evidence } from './common';

export function exposureFindings(g: Graph): Finding[] {
  const byInput = new Map<string, number[]>();
  for (let i = 0; i < g.events.length; i++) {
    const e = g.events[i]!;
    if (!e.ids.tokenFps?.length) continue;
    pushTo(byInput, e.src.input, i);
  }
  const out: Finding[] = [];
  for (const [input, idx] of [...byInput.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const fps = sortedUnique(idx.flatMap((i) => g.events[i]!.ids.tokenFps!));
    const live = idx.some((i) => g.events[i]!.ids.tokenFps!.some((fp) => {
      const exp = g.tokens.get(`token:${fp}`)?.info?.exp;
      return exp === undefined || exp * 1000 > g.events[i]!.time.ts;
    }));
    const lines = idx.map((i) => g.events[i]!.src.line);
    const hosts = sortedUnique(idx.map((i) => g.events[i]!.ids.host).filter((h): h is string => Boolean(h)));
    const users = sortedUnique(fps.flatMap((fp) => {
      const t = g.tokens.get(`token:${fp}`);
      const idn = t?.identity ? g.identities.get(t.identity) : undefined;
      return idn ? (idn.users.size ? [...idn.users] : [idn.sub]) : [];
    }));
    out.push({
      id: `exposure.token-in-log:${input}`,
      rule: 'exposure.token-in-log',
      severity: live ? 'high' : 'medium',
      title: `${fps.length} token${fps.length > 1 ? 's' : ''} written into ${input.split('/').pop()}`,
      explanation: `${input} holds ${idx.length} line${idx.length > 1 ? 's' : ''} with a credential (${fps.map((f) => f.slice(0, 16)).join(', ')}${users.length ? ` of ${users.join(', ')}` : ''})${hosts.length ? ` on ${hosts.join(', ')}` : ''}; ${live ? 'at least one was still valid when written' : 'all had expired when written'}. Anyone who can read this file can use a valid token.`,
      source: 'WLCG Token Trust & Traceability WG, minutes of 21 Feb 2024: tokens in logs are a class of vulnerability',
      entities: sortedUnique([...fps.map((fp) => `token:${fp}`), ...hosts.map((h) => `host:${h.toLowerCase()}`)]),
      evidence: evidence(g, idx),
      containment: [`Rotate exposed tokens: ${fps.map((f) => f.slice(0, 16)).join(', ')}; purge ${lines.slice(0, 10).map((l) => `${input}:${l}`).join(', ')}${lines.length > 10 ? ` and ${lines.length - 10} more lines` : ''}`, `Restrict read access to ${input} and to its copies (log shipping, archives)`],
    });
  }
  return out;
}
