/**
 * Problem records, capped per input and code so that a binary-ish or hostile file gives a handful
 * of examples and one summary record ("N more …") instead of a million records.
 */
import type { Problem, ProblemCode } from '../model/problem';

export class ProblemLog {
  readonly problems: Problem[] = [];
  private readonly counts = new Map<string, Map<ProblemCode, number>>();

  constructor(private readonly cap: number) {}

  add(p: Problem): void {
    let byCode = this.counts.get(p.input);
    if (!byCode) {
      byCode = new Map();
      this.counts.set(p.input, byCode);
    }
    const n = (byCode.get(p.code) ?? 0) + 1;
    byCode.set(p.code, n);
    if (n <= this.cap) this.problems.push(p);
  }

  /** Problems recorded for an input so far (including those not listed). */
  countFor(input: string): number {
    let n = 0;
    for (const c of this.counts.get(input)?.values() ?? []) n += c;
    return n;
  }

  /** Adds the summary records for an input whose problems went over the cap. */
  closeInput(input: string): void {
    for (const [code, n] of this.counts.get(input) ?? []) {
      if (n <= this.cap) continue;
      this.problems.push({ code, input, message: `${n - this.cap} more ${code} problems in this input are not listed (${n} in all)` });
    }
  }
}
