/** What a scenario is: a name, a one-line description, and the incident it adds to the world. */
import type { QuestionAnswer } from '../answers';
import type { Rng } from '../prng';
import type { Bundle } from '../sink';
import type { Payload, Pilot, World } from '../world';

export interface ScenarioContext {
  b: Bundle;
  w: World;
  rng: Rng;
}

export interface IncidentToken {
  fingerprint: string;
  jti: string;
  iss: string;
  sub: string;
  user: string;
  kind: 'access' | 'refresh';
  why: string;
  /** Line refs (Bundle line `ref`s) where the full token is exposed. */
  refs: string[];
  mintedJtis?: string[];
}

export interface Incident {
  summary: string;
  from?: number;
  to?: number;
  questions: QuestionAnswer[];
  compromised: IncidentToken[];
  flagged: IncidentToken[];
  attackerIps: string[];
  affectedUsers: string[];
  affectedPilots: Pilot[];
  affectedPayloads: Payload[];
  expectedFindings: string[];
  noHighSeverity: boolean;
  containment: string[];
  /** What the site says when handing the bundle over (README.txt). */
  handover: string;
}

export interface ScenarioDef {
  name: string;
  description: string;
  build(ctx: ScenarioContext): Promise<Incident>;
}
