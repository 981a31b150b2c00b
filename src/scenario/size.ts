/** Parses sizes like `5MB`, `1GB`, `750kB`, `2000000` (decimal units, as disk sizes are sold). */
export function parseSize(s: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(s);
  if (!m) return undefined;
  const mult: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9 };
  return Math.round(Number(m[1]) * (mult[(m[2] ?? 'b').toLowerCase()] ?? 1));
}
