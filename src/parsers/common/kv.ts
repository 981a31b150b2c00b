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
