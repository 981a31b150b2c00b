import type { Graph } from '../correlate/graph';
import type { QuestionId, TraceAnswer, TraceQuery } from '../model/trace';
import { traceUser, traceVoPeriod } from './period';
import { traceActivity, traceIp, traceJob } from './site-vo';
import { traceToken } from './token-story';

/**
 * Which questions a query asks, from the fields it sets:
 * token → token story; user (+ at) → V3; vo + at + until → S3; at + ip + job → V2;
 * at + ip + activity → S2 (both set: S2 and V2); at + ip → S1 and V1.
 * Returns a reason string when no question follows.
 */
export function questionsFor(q: TraceQuery): QuestionId[] | string {
  if (q.token) return ['token'];
  if (q.user) return q.at === undefined ? 'a user question (V3) needs --at (and optionally --until or --window)' : ['V3'];
  if (q.vo && !q.ip) return q.at === undefined || q.until === undefined ? 'a VO question (S3) needs --at and --until' : ['S3'];
  if (q.ip) {
    if (q.at === undefined) return 'an IP question needs --at';
    const out: QuestionId[] = [];
    if (q.activity) out.push('S2');
    if (q.job) out.push('V2');
    return out.length ? out : ['S1', 'V1'];
  }
  return 'no question follows from the arguments: give --ip with --at (S1/V1, + --activity S2, + --job V2), --vo with --at and --until (S3), --user with --at (V3), or --token';
}

/**
 * Answers a traceability query over a correlated graph. Always an array: one answer per question
 * the query asks — two for time + IP (S1 for the site: VOs and job ids; V1 for the VO: users and
 * payloads), one otherwise. Throws on a query from which no question follows (see questionsFor).
 */
export function trace(q: TraceQuery, g: Graph): TraceAnswer[] {
  const qs = questionsFor(q);
  if (typeof qs === 'string') throw new TraceQueryError(qs);
  const out: TraceAnswer[] = [];
  for (const id of qs) {
    if (id === 'token') out.push(traceToken(g, q));
    else if (id === 'V3') out.push(traceUser(g, q));
    else if (id === 'S3') out.push(traceVoPeriod(g, q));
    else if (id === 'S2') out.push(traceActivity(g, q));
    else if (id === 'V2') out.push(traceJob(g, q));
    else if (id === 'S1') out.push(...traceIp(g, q));
  }
  return out;
}

/** A query from which no question follows. */
export class TraceQueryError extends Error {
  readonly code = 'trace.no-question';
}
