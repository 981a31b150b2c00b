/**
 * Reading fixed-place numbers out of a line a regex already matched. Capturing each date and time
 * field made a string per field and a Number() per string on every line of the busiest logs;
 * the regexes now match those digits without capturing them and the parser reads them here.
 */

/** The decimal number written by the `n` ASCII digits at `at` (the caller's regex matched them as `\d`). */
export function digitsAt(text: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) v = v * 10 + (text.charCodeAt(i) - 48);
  return v;
}

/** Date and clock fields in range (a leap second allowed), as every stamp reader checks them. */
export function clockInRange(month: number, day: number, hour: number, minute: number, second: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60;
}
