/** Event time: UTC epoch milliseconds plus the text it was read from. */
export interface EventTime {
  /** UTC epoch milliseconds. */
  ts: number;
  /** The timestamp exactly as it stood in the input. */
  text: string;
  /**
   * Set when the input did not say everything: e.g. `tz=Europe/Zurich`, `year=2026 (file time)`.
   * The analyst sees this on the event and in reports.
   */
  assumed?: string;
}

/**
 * False for the time 0 parsers give lines that state none and have no file time to fall back on
 * (`assumed: 'time unknown …'`): shown as unknown, never as 1970, and kept out of time ranges.
 */
export function timeKnown(t: EventTime): boolean {
  return !(t.ts === 0 && t.assumed?.startsWith('time unknown'));
}
