/**
 * Scoring a trainee's answers against the answer key: per question right/wrong with what was
 * missed and what was extra, the revocation list, and the time taken.
 */
import type { ScenarioAnswers } from '../../../../src/scenario/answers';

export interface TraineeAnswers {
  /** Question id → picked values (job ids, pilot ids, payload ids, users, IPs), or ['ambiguous']. */
  questions: Record<string, string[]>;
  /** jti or fingerprint prefixes of the tokens to revoke. */
  revoke: string[];
}

export interface QuestionScore {
  id: string;
  right: boolean;
  expected: string[];
  missed: string[];
  extra: string[];
}

export interface Score {
  questions: QuestionScore[];
  revoke: QuestionScore;
  correct: number;
  total: number;
  seconds: number;
}

/** The values a question is answered with, from the key. */
export function expectedValues(a: ScenarioAnswers['questions'][number]): string[] {
  const e = a.expected;
  const v = a.id === 'S3' ? (e.ips ?? []) : a.id === 'V1' || a.id === 'V2' ? [...(e.users ?? []), ...(e.payloadIds ?? [])] : [...(e.pilotIds ?? [])];
  return [...v, ...(e.ambiguous ? ['ambiguous'] : [])].sort();
}

function compare(id: string, expected: string[], given: string[]): QuestionScore {
  const norm = (s: string) => s.trim().toLowerCase();
  const g = new Set(given.map(norm).filter(Boolean));
  const ex = new Set(expected.map(norm));
  const missed = expected.filter((x) => !g.has(norm(x)));
  const extra = given.filter((x) => x.trim() && !ex.has(norm(x)));
  return { id, right: missed.length === 0 && extra.length === 0, expected, missed, extra };
}

export function scoreTraining(key: ScenarioAnswers, given: TraineeAnswers, seconds: number): Score {
  const questions = key.questions.map((q) => compare(q.id, expectedValues(q), given.questions[q.id] ?? []));
  const revokeKey = key.compromisedTokens.map((t) => t.jti).sort();
  const revoke = compare('revoke', revokeKey, given.revoke.map((r) => key.compromisedTokens.find((t) => t.fingerprint.startsWith(r) || t.jti === r)?.jti ?? r));
  const all = [...questions, revoke];
  return { questions, revoke, correct: all.filter((s) => s.right).length, total: all.length, seconds };
}
