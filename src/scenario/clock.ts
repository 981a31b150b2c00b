/**
 * Timestamp styles of the real logs (DOMAIN.md): each source's own zone convention. All inputs are
 * UTC epoch ms; `offMin` is the writing host's UTC offset in minutes (fixed: scenarios are in
 * November, CET = +60, no DST transitions inside a bundle).
 */
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const p2 = (n: number): string => String(n).padStart(2, '0');
const p3 = (n: number): string => String(n).padStart(3, '0');

function shifted(t: number, offMin: number): Date {
  return new Date(t + offMin * 60_000);
}

function zone(offMin: number, colon = false): string {
  const sign = offMin < 0 ? '-' : '+';
  const a = Math.abs(offMin);
  return `${sign}${p2(Math.floor(a / 60))}${colon ? ':' : ''}${p2(a % 60)}`;
}

function ymd(d: Date): string {
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
}

function hms(d: Date): string {
  return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** HTCondor dprintf default: `11/23/26 14:02:11`, local, no zone. */
export function condorTime(t: number, offMin: number): string {
  const d = shifted(t, offMin);
  return `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)} ${hms(d)}`;
}

/** XRootD: `261123 14:05:41`, local, no zone. */
export function xrootdTime(t: number, offMin: number): string {
  const d = shifted(t, offMin);
  return `${p2(d.getUTCFullYear() % 100)}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${hms(d)}`;
}

/** dCache access log: `2026-11-23T14:05:41.512+0100`. */
export function dcacheTime(t: number, offMin: number): string {
  const d = shifted(t, offMin);
  return `${ymd(d)}T${hms(d)}.${p3(d.getUTCMilliseconds())}${zone(offMin)}`;
}

/** FTS: `Mon, 23 Nov 2026 14:05:41 +0100`. */
export function ftsTime(t: number, offMin: number): string {
  const d = shifted(t, offMin);
  return `${DAY[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hms(d)} ${zone(offMin)}`;
}

/** PanDA pilot (Python logging, gmtime): `2026-11-23 13:10:04,221` UTC. */
export function pandaTime(t: number): string {
  const d = new Date(t);
  return `${ymd(d)} ${hms(d)},${p3(d.getUTCMilliseconds())}`;
}

/** IAM logback prefix: `2026-11-23 13:00:02.114` (the IAM container runs in UTC). */
export function iamTime(t: number): string {
  const d = new Date(t);
  return `${ymd(d)} ${hms(d)}.${p3(d.getUTCMilliseconds())}`;
}

/** Syslog RFC3164: `Nov 23 14:02:11` (day space-padded), local, no year. */
export function syslogTime(t: number, offMin: number): string {
  const d = shifted(t, offMin);
  return `${MON[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${hms(d)}`;
}

/** Apache `%t`: `[23/Nov/2026:14:02:11 +0100]`. */
export function apacheTime(t: number, offMin: number): string {
  const d = shifted(t, offMin);
  return `[${p2(d.getUTCDate())}/${MON[d.getUTCMonth()]}/${d.getUTCFullYear()}:${hms(d)} ${zone(offMin)}]`;
}

/** UTC date `2026-11-23`. */
export function utcDate(t: number): string {
  return ymd(new Date(t));
}

/** FTS transfer id prefix `2026-11-23-1405` (UTC). */
export function ftsIdTime(t: number): string {
  const d = new Date(t);
  return `${ymd(d)}-${p2(d.getUTCHours())}${p2(d.getUTCMinutes())}`;
}

/** ISO 8601 UTC without milliseconds, as answers and trace queries use. */
export function iso(t: number): string {
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
