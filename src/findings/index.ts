/** Findings: misuse, exposure and per-token policy judgements over the correlated graph. */
export { findingsFor, type TokenJudge } from './findings';
