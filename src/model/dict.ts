/**
 * A string dictionary: each distinct string gets the next number, in first-seen order. The
 * columnar layouts (the app's event pages, correlation's columns and link rows) store numbers and
 * keep the strings once here.
 */
export interface Dict {
  /** The strings, each at its number. */
  readonly list: string[];
  /** The number of `s`, given the next one when new. */
  of(s: string): number;
  /** The number of `s`, or undefined when it has none. */
  find(s: string): number | undefined;
}

export function dict(): Dict {
  const list: string[] = [];
  const m = new Map<string, number>();
  return {
    list,
    of(s) {
      let i = m.get(s);
      if (i === undefined) {
        i = list.length;
        list.push(s);
        m.set(s, i);
      }
      return i;
    },
    find: (s) => m.get(s),
  };
}
