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
