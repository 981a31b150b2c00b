/** `key=value` lists with optional double-quoted values (NetLogger, dCache access logs, env dumps). */

const PAIR = /([A-Za-z_][\w.-]*)=("((?:[^"\\]|\\.)*)"|\S*)/g;

/** Parses `a=1 b="x y" c=` into a map (later duplicates win). Backslash escapes inside quotes are honoured. */
export function parseKv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  // One module-level regex and an exec loop rather than matchAll: no iterator or regex copy per
  // line (dCache access logs call this for every line).
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(text); m; m = PAIR.exec(text)) {
    const quoted = m[3];
    out.set(m[1]!, quoted === undefined ? m[2]! : unescapeQuoted(quoted));
  }
  return out;
}

function unescapeQuoted(v: string): string {
  return v.includes('\\') ? v.replace(/\\(.)/g, '$1') : v;
}

/**
 * `parseKv(text).get(key)` for a fixed set of keys, without the regex loop and the map: it finds
 * exactly the pairs PAIR finds (kv.test.ts compares the two), walking from `=` to `=` with the
 * native string search, and builds strings only for the keys asked for. dCache access lines hold
 * ~20 pairs of which the parser reads ~9: PAIR and the map were a third of that parser's time.
 * Keys are matched from their `=` backwards (by last character, then in full) rather than by
 * walking back to each key's start: a pair nobody asked for costs one character test (dCache
 * access lines: 3.5 → 2.5 µs per line).
 */
export class KvPicker {
  /** Indexes into `keys` by the key's last character code (keys end in ASCII key characters). */
  private readonly byLast: (number[] | undefined)[] = [];

  constructor(readonly keys: readonly string[]) {
    keys.forEach((k, i) => {
      if (!/^[A-Za-z_][\w.-]*$/.test(k)) throw new Error(`not a key PAIR can match: ${k}`);
      const c = k.charCodeAt(k.length - 1);
      const same = this.byLast[c];
      if (same) same.push(i);
      else this.byLast[c] = [i];
    });
  }

  /**
   * Fills `out[i]` with the value of `keys[i]` in `text` (the last one wins), undefined when absent.
   * `spacesOnly`: the caller knows whether `text` holds whitespace other than ` ` (`hasOtherSpace`),
   * e.g. from a regex it runs over the whole line anyway; otherwise pick looks.
   */
  pick(text: string, out: (string | undefined)[], spacesOnly = !hasOtherSpace(text)): void {
    const keys = this.keys;
    for (let k = 0; k < keys.length; k++) out[k] = undefined;
    // With no whitespace but ` ` in the line, an unquoted value ends at the next ` ` (a native
    // search); otherwise the sticky `\S*` finds its end (a regex call per pair, ~4× slower).
    const n = text.length;
    let pos = 0;
    while (pos < n) {
      const eq = text.indexOf('=', pos);
      if (eq < 0) return;
      // PAIR's key is the run of key characters before this `=` (no key spans an `=`, so a match
      // starting before it ends at it) from the first key start in that run. A run ending in a
      // letter or `_` always holds one; one ending in a digit, `.` or `-` may not.
      const before = eq > pos ? text.charCodeAt(eq - 1) : 0;
      if (!(isKeyStart(before) || (isKeyChar(before) && hasKeyStart(text, pos, eq - 1)))) {
        pos = eq + 1;
        continue;
      }
      let hit = -1;
      const same = this.byLast[before];
      if (same) for (let j = 0; j < same.length; j++) if (keyEndsAt(text, pos, eq, keys[same[j]!]!)) hit = same[j]!;
      const v = eq + 1;
      let end: number;
      let value: string | undefined;
      const close = v < n && text.charCodeAt(v) === 34 /* " */ ? closingQuote(text, v + 1) : -1;
      if (close >= 0) {
        end = close + 1;
        if (hit >= 0) value = unescapeQuoted(text.slice(v + 1, close));
      } else {
        if (spacesOnly) {
          end = text.indexOf(' ', v);
          if (end < 0) end = n;
        } else {
          NON_SPACE.lastIndex = v;
          NON_SPACE.test(text);
          end = NON_SPACE.lastIndex;
        }
        if (hit >= 0) value = text.slice(v, end);
      }
      if (hit >= 0) out[hit] = value;
      pos = end;
    }
  }
}

/** True when the key-character run ending at `last` (not before `from`) holds a key start. */
function hasKeyStart(text: string, from: number, last: number): boolean {
  for (let i = last; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (isKeyStart(c)) return true;
    if (!isKeyChar(c)) return false;
  }
  return false;
}

/**
 * True when the key PAIR reads before the `=` at `eq` (searching from `from`) is `key`: the text
 * ends with it there, and before it comes no key start within the same key-character run.
 */
function keyEndsAt(text: string, from: number, eq: number, key: string): boolean {
  const at = eq - key.length;
  // The first and the second-last character before the rest (the last one matched already): pairs
  // ending in the same letter mostly differ there, and a miss of the native search below reads on
  // to the end of the line. The rest is compared by that search, found at `at` or not (a character
  // loop was 2× slower).
  const k = key.length;
  if (at < from || text.charCodeAt(at) !== key.charCodeAt(0) || (k > 2 && text.charCodeAt(eq - 2) !== key.charCodeAt(k - 2)) || text.indexOf(key, at) !== at) return false;
  for (let i = at - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (!isKeyChar(c)) return true;
    if (isKeyStart(c)) return false;
  }
  return true;
}

const NON_SPACE = /\S*/y;
/** JavaScript's `\s` without the plain space. */
const OTHER_SPACE = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** True when `text` holds whitespace (JavaScript's `\s`) other than the plain space. */
export function hasOtherSpace(text: string): boolean {
  return OTHER_SPACE.test(text);
}

/** Index of the `"` closing a quoted value whose content starts at `from`, or -1 (PAIR's quoted branch). */
function closingQuote(text: string, from: number): number {
  const n = text.length;
  let k = from;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (c === 34) return k;
    if (c === 92 /* \ */) {
      // `\\.`: any character but a line terminator may follow.
      if (k + 1 >= n || isLineTerminator(text.charCodeAt(k + 1))) return -1;
      k += 2;
    } else k++;
  }
  return -1;
}

function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}
