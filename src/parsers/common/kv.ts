/** `key=value` lists with optional double-quoted values (NetLogger, dCache access logs, env dumps). */

/** Parses `a=1 b="x y" c=` into a map (later duplicates win). Backslash escapes inside quotes are honoured. */
export function parseKv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([A-Za-z_][\w.-]*)=("((?:[^"\\]|\\.)*)"|\S*)/g;
  for (const m of text.matchAll(re)) {
    const quoted = m[3];
    out.set(m[1]!, quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : m[2]!);
  }
  return out;
}
