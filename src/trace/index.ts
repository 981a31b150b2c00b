/** The six traceability questions (S1–S3, V1–V3) and the token story over a correlated graph. */
export { blastRadius, findTokens } from './token-story';
export { V3_DEFAULT_WINDOW_MS } from './period';
export { questionsFor, TraceQueryError, trace } from './trace';
