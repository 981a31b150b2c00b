/**
 * The policy table: every threshold tokentrail judges tokens by, with its severity and source.
 * Thresholds are overridable per case (`CaseSettings.policy`, by rule id).
 */
import type { Severity } from '../model/severity';

export interface PolicyRule {
  id: string;
  title: string;
  severity: Severity;
  /** Threshold in the rule's unit (seconds for lifetimes); absent for yes/no rules. */
  threshold?: number;
  source: string;
}

const H = 3600;
const D = 86400;

export const POLICY: readonly PolicyRule[] = [
  { id: 'policy.lifetime.max6h', title: 'Access token lifetime above the WLCG profile / AARC-G081 maximum', severity: 'medium', threshold: 6 * H, source: 'WLCG Common JWT Profile (default 1 h, max 6 h) and AARC-G081 (≈10 min typical, 6 h absolute maximum), as cited in the WLCG TTT minutes of 29 Oct 2024' },
  { id: 'policy.lifetime.over24h', title: 'Access token lifetime over 24 h', severity: 'high', threshold: 24 * H, source: 'WLCG Token Trust & Traceability WG straw man, 29 Oct 2024: over 24 h needs a risk assessment and minimal scope' },
  { id: 'policy.lifetime.max7d', title: 'Access token lifetime over the 7-day absolute maximum', severity: 'critical', threshold: 7 * D, source: 'WLCG Token Trust & Traceability WG straw man, 29 Oct 2024: about 7 days absolute maximum' },
  { id: 'policy.refresh.lifetime', title: 'Refresh token lifetime over 400 days', severity: 'medium', threshold: 400 * D, source: 'WLCG Common JWT Profile v1.2 lifetime table (refresh token max 400 d)' },
  { id: 'policy.audience.wildcard', title: 'Wildcard audience', severity: 'high', source: 'WLCG TTT minutes 12 Sep 2023: no wildcard audiences (https://wlcg.cern.ch/jwt/v1/any, ANY)' },
  { id: 'policy.audience.missing', title: 'No audience', severity: 'medium', source: 'WLCG Common JWT Profile: aud is required' },
  { id: 'policy.scope.delete-power', title: 'Write/delete power over the whole namespace (delete power)', severity: 'high', source: 'WLCG TTT minutes 12 Sep 2023 and 25 Jun 2024: no token with all the scopes; a write token should not carry delete power' },
  { id: 'policy.scope.compute-and-storage', title: 'compute.* and storage.* in one token', severity: 'medium', source: 'WLCG TTT minutes 12 Sep 2023: least privilege, no token with all the scopes' },
  { id: 'policy.alg.none', title: 'Unsigned (alg none) access token', severity: 'high', source: 'RFC 7519 §6 / WLCG Common JWT Profile: access tokens are signed (RS256/ES256)' },
  { id: 'policy.time.used-after-exp', title: 'Token used after it expired', severity: 'high', source: 'RFC 7519 exp; tolerance = the case clock-skew tolerance' },
  { id: 'policy.time.used-before-valid', title: 'Token used before it was valid (nbf/iat)', severity: 'medium', source: 'RFC 7519 nbf/iat; tolerance = the case clock-skew tolerance' },
  { id: 'exposure.token-in-log', title: 'Token present in a log or readable file', severity: 'high', source: 'WLCG TTT minutes 21 Feb 2024: tokens in logs are a class of vulnerability' },
];

export function policyRule(id: string): PolicyRule {
  const r = POLICY.find((p) => p.id === id);
  if (!r) throw new Error(`unknown policy rule ${id}`);
  return r;
}

/** Threshold of a rule after per-case overrides. */
export function threshold(id: string, overrides?: Record<string, number>): number {
  return overrides?.[id] ?? policyRule(id).threshold ?? 0;
}
