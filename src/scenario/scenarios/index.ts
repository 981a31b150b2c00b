/** The scenario catalogue, in the order `tokentrail scenario list` prints it. */
import { stolenToken } from './stolen-token';
import type { ScenarioDef } from './types';

export const SCENARIOS: readonly ScenarioDef[] = [stolenToken];
