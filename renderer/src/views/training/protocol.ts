import type { Case } from '../../../../src/model/case';
import type { Link } from '../../../../src/model/entity';
import type { ScenarioAnswers } from '../../../../src/scenario/answers';
import type { Difficulty } from '../../../../src/scenario/world';

export interface TrainingRequest {
  scenario: string;
  seed: number;
  size: number;
  difficulty: Difficulty;
  /** Also return a zip of bundle + answer key (instructor export). */
  withBundle: boolean;
}

export type TrainingResponse =
  | { type: 'progress'; stage: 'generating' | 'analysing'; percent: number }
  // Links as an array: a fresh case's link table holds functions, which a message cannot carry.
  | { type: 'done'; caseDoc: Case & { links: Link[] }; answers: ScenarioAnswers; zip?: Uint8Array }
  | { type: 'error'; message: string };
