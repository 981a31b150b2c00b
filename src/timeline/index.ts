/**
 * The merged timeline: time-ordered events of a correlated graph, an inverted index for fast
 * filters and pivots, and derived intervals (pilot lifetime, payload run, token validity).
 */
export { expandEntity, filterTimeline, filterTimelineNaive, type TimelineFilter } from './filter';
export { buildTimelineIndex, type TimelineIndex } from './index-build';
export { deriveIntervals, type TimelineInterval } from './intervals';
