/**
 * Old-syntax ClassAd attribute lines (`Attr = value`, as printed by `condor_q -l`,
 * `condor_history -l` and the on-disk history file). Values are kept as the text an analyst
 * would read: strings unquoted (ClassAd escapes `\"` and `\\`), everything else as written.
 */

export interface ClassAdAttr {
  name: string;
  /** Unquoted string or the expression/number text. */
  value: string;
  /** True when the value was a quoted string. */
  quoted: boolean;
}

const ATTR = /^([A-Za-z_][A-Za-z0-9_.]*)\s*=\s?(.*)$/;

/** Parses one `Attr = value` line; undefined when the line is not one. */
export function parseClassAdLine(text: string): ClassAdAttr | undefined {
  const m = ATTR.exec(text);
  if (!m) return undefined;
  // Fields copied, not spread after `name`: V8 builds `{ a, ...b }` from a call result slowly, and
  // history files run this for every line.
  const { value, quoted } = unquoteClassAdValue(m[2].trim());
  return { name: m[1], value, quoted };
}

/** `"a\"b"` → `a"b` (quoted); other values unchanged. */
export function unquoteClassAdValue(raw: string): { value: string; quoted: boolean } {
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) {
    const inner = raw.slice(1, -1);
    return { value: inner.includes('\\') ? inner.replace(/\\(["\\])/g, '$1') : inner, quoted: true };
  }
  return { value: raw, quoted: false };
}

/** Attribute lookup is case-insensitive in ClassAds. */
export class ClassAd {
  private readonly attrs = new Map<string, string>();
  set(name: string, value: string): void {
    this.attrs.set(name.toLowerCase(), value);
  }
  get(name: string): string | undefined {
    return this.attrs.get(name.toLowerCase());
  }
  has(name: string): boolean {
    return this.attrs.has(name.toLowerCase());
  }
  get size(): number {
    return this.attrs.size;
  }
  /** A positive integer attribute (epoch seconds, ids); undefined otherwise. */
  int(name: string): number | undefined {
    const v = this.get(name);
    if (v === undefined || !/^\d+$/.test(v)) return undefined;
    const n = Number(v);
    return n > 0 ? n : undefined;
  }
}
