/** Time formatting for token claims: UTC, local, and "expired 3 h ago". */

export function utc(epochS: number): string {
  return new Date(epochS * 1000).toISOString().replace('.000Z', 'Z');
}

export function local(epochS: number): string {
  return new Date(epochS * 1000).toLocaleString();
}

/** A duration in the largest sensible unit: `45 s`, `12 min`, `3 h`, `9 d`. */
export function duration(s: number): string {
  const a = Math.abs(s);
  if (a < 120) return `${Math.round(a)} s`;
  if (a < 7200) return `${Math.round(a / 60)} min`;
  if (a < 172800) return `${Math.round(a / 3600)} h`;
  return `${Math.round(a / 86400)} d`;
}

/** `expired 3 h ago`, `expires in 20 min`, `not valid for another 2 h`. */
export function relative(label: 'exp' | 'nbf' | 'iat', epochS: number, nowS: number): string {
  const d = epochS - nowS;
  if (label === 'exp') return d < 0 ? `expired ${duration(d)} ago` : `expires in ${duration(d)}`;
  if (label === 'nbf') return d > 0 ? `not valid for another ${duration(d)}` : `valid since ${duration(d)}`;
  return d > 0 ? `issued ${duration(d)} in the future (clock skew?)` : `issued ${duration(d)} ago`;
}
