/** Public API of the scenario generator (see README.md). */
export type { AnswerQuery, AnswerToken, ExpectedAnswer, QuestionAnswer, ScenarioAnswers } from './answers';
export { ANSWERS_FORMAT } from './answers';
export { DEFAULT_SIZE, type GeneratedScenario, generateScenario, MAX_SIZE, MIN_SIZE, ScenarioError, type ScenarioFile, type ScenarioOptions } from './generate';
export { parseSize } from './size';
export { SCENARIOS } from './scenarios';
export type { Difficulty } from './world';
