/** Severity scale shared by findings, events and problems (ordered, lowest first). */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Numeric rank of a severity, for sorting and thresholds. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}
