/** The scenario catalogue, in the order `tokentrail scenario list` prints it. */
import { benign } from './benign';
import { hijackedPilot } from './hijacked-pilot';
import { longLivedWrite } from './long-lived-write';
import { natAmbiguity } from './nat-ambiguity';
import { refreshAbuse } from './refresh-abuse';
import { stolenToken } from './stolen-token';
import type { ScenarioDef } from './types';

export const SCENARIOS: readonly ScenarioDef[] = [stolenToken, hijackedPilot, longLivedWrite, refreshAbuse, natAmbiguity, benign];
