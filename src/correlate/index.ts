/** Correlation: events → entity graph (see README.md). */
export { buildGraph, compareEvents, correlate } from './correlate';
export type { Graph, IdentityRec, IpHostSpan, PayloadRec, PilotRec, TokenJoin, TokenRec } from './graph';
export { evidenceOf, fmtTime, fmtTolerance } from './graph';
export { type AnalyzeOptions, analyzeCase, analyzeCaseWithGraph } from './analyze-case';
export { joinedTo, pilotIps } from './queries';
