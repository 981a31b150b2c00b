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
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d+))?$/.exec(hostPort);
  if (v6) {
    out.ip = v6[1].includes(':') ? v6[1].toLowerCase() : v6FromAddrs(v6[1]);
    if (v6[2]) out.port = Number(v6[2]);
  } else if (v4) {
    out.ip = v4[1];
    if (v4[2]) out.port = Number(v4[2]);
  }
  for (const kv of (m[2] ?? '').split('&')) {
    const eq = kv.indexOf('=');
    const k = eq < 0 ? kv : kv.slice(0, eq);
    const raw = eq < 0 ? '' : kv.slice(eq + 1);
    let v = raw;
    if (raw.includes('%')) {
      try {
        v = decodeURIComponent(raw);
      } catch {
        // A stray `%` in hostile input: keep the text as logged.
      }
    }
    if (k === 'alias' && v) out.alias = v.toLowerCase();
    if (k === 'addrs' && v && !out.ip) {
      const first = v.split('+')[0];
      const a6 = /^\[([0-9A-Fa-f-]+)\]-(\d+)$/.exec(first);
      const a4 = /^(\d{1,3}(?:\.\d{1,3}){3})-(\d+)$/.exec(first);
      if (a6) {
        out.ip = v6FromAddrs(a6[1]);
        out.port = Number(a6[2]);
      } else if (a4) {
        out.ip = a4[1];
        out.port = Number(a4[2]);
      }
    }
  }
  return out.ip || out.alias ? out : undefined;
}

/** First `<...>` sinful string inside a longer message. */
export function findSinful(text: string): Sinful | undefined {
  const m = /<[^<>\s]+>/.exec(text);
  return m ? parseSinful(m[0]) : undefined;
}
