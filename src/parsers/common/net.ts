/** IP / host helpers shared by parsers: extract, normalise (no port, no brackets, v6 lower-case). */

const V4 = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}`;
// Loose IPv6 (validated by `isIpv6`): hex groups with at least two colons.
const V6 = `(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{0,4}|${V4})`;

export const IPV4_RE = new RegExp(`^${V4}$`);
const IPV4_PORT_RE = new RegExp(`^${V4}:\\d+$`);
const V4_G = new RegExp(`(?<![\\d.])${V4}(?![\\d.])`, 'g');
const V6_G = new RegExp(`(?<![0-9A-Za-z:.])${V6}(?![0-9A-Za-z:])`, 'g');
const HOST_G = /(?<![\w.@/-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?![\w-]|\.\w)/gi;

/** True for a dotted-quad IPv4. */
export function isIpv4(s: string): boolean {
  return IPV4_RE.test(s);
}

/** True for a syntactically valid IPv6 address (incl. `::ffff:1.2.3.4`); the URL parser validates. */
export function isIpv6(s: string): boolean {
  if (!s.includes(':') || !/^[0-9a-fA-F:.]+$/.test(s)) return false;
  try {
    new URL(`http://[${s}]/`);
    return true;
  } catch {
    return false;
  }
}

/** Normalised IP: `::ffff:a.b.c.d` → `a.b.c.d`, IPv6 lower-case. Undefined when not an IP. */
export function normIp(s: string): string | undefined {
  let t = s.trim();
  if (t.startsWith('[') && t.endsWith(']')) t = t.slice(1, -1);
  // Host names are the common non-IP case: an IPv4 starts with a digit and every IPv6 form holds a
  // `:`, so without either no regex needs to run.
  if (!t.includes(':') && !(t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57)) return undefined;
  if (isIpv4(t)) return t;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(t);
  if (mapped && isIpv4(mapped[1]!)) return mapped[1];
  if (isIpv6(t)) return t.toLowerCase();
  return undefined;
}

/** Splits `ip:port`, `[v6]:port`, bare v4/v6 into a normalised ip and an optional port. */
export function splitHostPort(s: string): { host: string; ip?: string; port?: number } {
  const t = s.trim();
  let host = t;
  let port: number | undefined;
  const br = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  if (br) {
    host = br[1]!;
    port = br[2] ? Number(br[2]) : undefined;
  } else {
    const hp = /^([^:]+):(\d+)$/.exec(t);
    if (hp) {
      host = hp[1]!;
      port = Number(hp[2]);
    }
  }
  const ip = normIp(host);
  return ip ? { host: ip, ip, port } : { host: host.toLowerCase(), port };
}

/**
 * True for `a.b.c.d:port` (a dotted quad, digits after one `:`, nothing else): then splitHostPort
 * gives `{ host: ip, ip, port }` with the ip before the `:` and the port after it, which a caller
 * may read with indexOf and slice instead (no regex captures, no object).
 */
export function isIpv4Port(s: string): boolean {
  return IPV4_PORT_RE.test(s);
}

/** Every IP (v4 and v6, normalised, unique, in order of appearance) in free text. */
export function findIps(text: string): string[] {
  const found: { at: number; ip: string }[] = [];
  for (const m of text.matchAll(V4_G)) found.push({ at: m.index ?? 0, ip: m[0] });
  for (const m of text.matchAll(V6_G)) {
    const ip = normIp(m[0]);
    if (!ip) continue;
    // Times like 14:05:41 are not addresses: a v6 needs a hex letter, `::` or 4+ groups.
    const v6Like = /[a-f]/i.test(m[0]) || m[0].includes('::') || m[0].split(':').length >= 5;
    if (!ip.includes(':') || v6Like) found.push({ at: m.index ?? 0, ip });
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.ip))];
}

/** Plausible FQDN host names in free text (lower-case, unique). File names like `x.root`/`x.log` are skipped. */
export function findHosts(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(HOST_G)) {
    const labels = m[0].toLowerCase().split('.');
    // `wn042.example-site.org.tar.gz` names the host before its file extensions.
    while (labels.length > 2 && NOT_TLDS.has(labels.at(-1)!)) labels.pop();
    if (labels.length < 2 || NOT_TLDS.has(labels.at(-1)!) || /^\d+$/.test(labels.at(-1)!)) continue;
    out.push(labels.join('.'));
  }
  return [...new Set(out)];
}

// Suffixes that look like TLDs in logs but are file extensions or code.
const NOT_TLDS = new Set([
  'root', 'log', 'txt', 'json', 'py', 'sh', 'gz', 'tar', 'conf', 'cfg', 'java', 'cpp', 'cc', 'xml', 'yaml',
  'yml', 'jwt', 'token', 'out', 'err', 'pem', 'html', 'js', 'ts', 'so', 'rpm', 'zip', 'tgz', 'ini', 'debug',
  'info', 'warn', 'error', 'request', 'response', 'access', 'state', 'slot', 'use', 'old',
]);
