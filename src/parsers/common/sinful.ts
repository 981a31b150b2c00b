/**
 * HTCondor "sinful strings": `<192.0.2.15:43125?addrs=192.0.2.15-43125&alias=host&noUDP>`,
 * `<[2001:db8::15]:9618?addrs=[2001-db8--15]-9618>`. In `addrs=` the colons of IPv6 addresses
 * are written as dashes (and `+` separates several addresses), so ports and list separators
 * cannot be confused with address text.
 */

export interface Sinful {
  /** First address (v4, or v6 lower-case without brackets). */
  ip?: string;
  port?: number;
  /** `alias=` host name, lower-case. */
  alias?: string;
}

function v6FromAddrs(s: string): string {
  return s.replace(/-/g, ':').toLowerCase();
}

/** Parses a sinful string (with or without the angle brackets); undefined when it is not one. */
export function parseSinful(text: string): Sinful | undefined {
  const m = /^<?([^?>]*)(?:\?([^>]*))?>?$/.exec(text.trim());
  if (!m) return undefined;
  const hostPort = m[1] ?? '';
  const out: Sinful = {};
  const v6 = /^\[([0-9A-Fa-f:.-]+)\](?::(\d+))?$/.exec(hostPort);
  // A v6 form starts with `[`, a v4 one with a digit: at most one matches.
  const v4 = v6 ? null : /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d+))?$/.exec(hostPort);
  if (v6) {
    out.ip = v6[1].includes(':') ? v6[1].toLowerCase() : v6FromAddrs(v6[1]);
    if (v6[2]) out.port = Number(v6[2]);
  } else if (v4) {
    out.ip = v4[1];
    if (v4[2]) out.port = Number(v4[2]);
  }
  // The `&`-separated `key=value` parameters, in order; only `alias=` and `addrs=` with a value
  // are read, so no string is made for the others (`noUDP`, `sock=…`, …).
  const params = m[2] ?? '';
  for (let from = 0; from <= params.length; ) {
    let end = params.indexOf('&', from);
    if (end < 0) end = params.length;
    const eq = params.indexOf('=', from);
    if (eq >= 0 && eq - from === 5 && eq + 1 < end) {
      const k = params.slice(from, eq);
      if (k === 'alias' || (k === 'addrs' && !out.ip)) {
        const raw = params.slice(eq + 1, end);
        let v = raw;
        if (raw.includes('%')) {
          try {
            v = decodeURIComponent(raw);
          } catch {
            // A stray `%` in hostile input: keep the text as logged.
          }
        }
        if (k === 'alias' && v) out.alias = v.toLowerCase();
        if (k === 'addrs' && v) readAddrs(v, out);
      }
    }
    from = end + 1;
  }
  return out.ip || out.alias ? out : undefined;
}

/** The first address of an `addrs=` value (`+`-separated, v6 colons written as dashes) into `out`. */
function readAddrs(v: string, out: Sinful): void {
  const plus = v.indexOf('+');
  const first = plus < 0 ? v : v.slice(0, plus);
  const a6 = /^\[([0-9A-Fa-f-]+)\]-(\d+)$/.exec(first);
  const a4 = a6 ? null : /^(\d{1,3}(?:\.\d{1,3}){3})-(\d+)$/.exec(first);
  if (a6) {
    out.ip = v6FromAddrs(a6[1]);
    out.port = Number(a6[2]);
  } else if (a4) {
    out.ip = a4[1];
    out.port = Number(a4[2]);
  }
}

/** First `<...>` sinful string inside a longer message. */
export function findSinful(text: string): Sinful | undefined {
  const m = /<[^<>\s]+>/.exec(text);
  return m ? parseSinful(m[0]) : undefined;
}
