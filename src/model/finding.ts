import type { Severity } from './severity';

/** A pointer to the line that proves something. Every finding and answer carries these. */
export interface Evidence {
  eventId?: string;
  input: string;
  line: number;
  /** The redacted line. */
  text: string;
}

/** A judgement: policy breach or misuse, with evidence and what to do about it. */
export interface Finding {
  /** Deterministic id: `<rule>:<subject key>`. */
  id: string;
  /** Rule id, e.g. `policy.lifetime.max7d`, `misuse.foreign-ip`. */
  rule: string;
  severity: Severity;
  title: string;
  /** One line naming the rule, the numbers and the rule's source. */
  explanation: string;
  /** The policy or document the rule comes from. */
  source?: string;
  /** Entity ids concerned (tokens, identities, pilots, IPs...). */
  entities: string[];
  evidence: Evidence[];
  /** Concrete containment steps, e.g. `Revoke at https://cms-auth… the token jti=…`. */
  containment: string[];
}
