/** Helpers the incidents share: signing a cast payload's token, answer-key token entries. */
import { payloadAud, payloadScope } from '../backbone';
import { fingerprint, signToken, storageClaims } from '../tokens';
import type { Payload, World } from '../world';
import type { IncidentToken } from './types';

export const MIN = 60_000;

/** The compact token the payload really carried (signed by the atlas test issuer). */
export function payloadToken(w: World, pl: Payload): Promise<string> {
  return signToken(w.atlas, storageClaims(w.atlas, pl.user.sub, pl.tokenJti, pl.tokenIat, pl.tokenExp, payloadScope(pl), payloadAud(w)));
}

export async function incidentToken(token: string, o: Omit<IncidentToken, 'fingerprint'>): Promise<IncidentToken> {
  return { fingerprint: await fingerprint(token), ...o };
}

export const BASE_CONTAINMENT = [
  'Notify the site security team, the VO security contact and EGI CSIRT (abuse@egi.eu) within 4 hours of discovery, labelled TLP:AMBER.',
  'Preserve the evidence: keep copies of the logs in this bundle and of the affected hosts before changing them.',
];
