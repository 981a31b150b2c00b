/**
 * Queries over the graph shared by trace and findings.
 */
import type { Confidence } from '../model/entity';
import type { Graph, PayloadRec, PilotRec } from './graph';
import { ipsAt } from './netmap';

/** Pilots and payloads a token is joined to (directly or through its payloads). */
export function joinedTo(g: Graph, tokenId: string): { pilots: PilotRec[]; payloads: PayloadRec[]; evidence: number[]; confidence: Confidence; reasons: string[] } {
  const pilots = new Map<string, PilotRec>();
  const payloads = new Map<string, PayloadRec>();
  const evidence: number[] = [];
  const reasons: string[] = [];
  let confidence: Confidence = 'certain';
  for (const j of g.joinsByToken.get(tokenId) ?? []) {
    evidence.push(...j.evidence.slice(0, 2));
    if (j.confidence === 'inferred') {
      confidence = 'inferred';
      if (j.reason) reasons.push(j.reason);
    }
    if (j.target.startsWith('pilot:')) {
      const p = g.pilots.get(j.target.slice(6));
      if (p) pilots.set(p.key, p);
    } else {
      const pl = g.payloads.get(j.target.slice(8));
      if (pl) {
        payloads.set(pl.key, pl);
        const p = pl.pilot ? g.pilots.get(pl.pilot) : undefined;
        if (p) pilots.set(p.key, p);
      }
    }
  }
  return { pilots: [...pilots.values()], payloads: [...payloads.values()], evidence, confidence, reasons };
}

/** IPs a pilot's node held while it ran (stated by its logs or mapped by net.map). */
export function pilotIps(g: Graph, p: PilotRec): Set<string> {
  const ips = new Set<string>(p.statedIps.keys());
  if (p.start === undefined) return ips;
  for (const h of p.hosts) for (const s of ipsAt(g.spansByHost, h.toLowerCase(), p.start, p.end ?? p.start, g.settings.clockToleranceMs)) ips.add(s.ip);
  return ips;
}
