/**
 * Pseudonyms for a report: HMAC-SHA256 under a per-case key, so one person keeps one alias
 * across a report and gets unlinkable aliases in another case. Aliases are computed up front
 * (crypto.subtle is async) and then applied synchronously by the renderers' data builder.
 */
import { hexToBytes, toHex } from '../model/ids-hash';

export type AliasKind = 'user' | 'subject' | 'email' | 'dn' | 'ip' | 'host';

const PREFIX: Record<AliasKind, string> = {
  user: 'user',
  subject: 'sub',
  email: 'email',
  dn: 'dn',
  ip: 'ip',
  host: 'host',
};

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Known personal values → aliases, and a scrubber that replaces them in free text. */
export class AliasTable {
  private constructor(
    private readonly map: Map<string, string>,
    private readonly nameRe: RegExp | null,
    private readonly dottedRe: RegExp | null,
  ) {}

  /** Builds aliases for every value (kinds decide the alias prefix). */
  static async build(keyHex: string, values: Map<string, AliasKind>): Promise<AliasTable> {
    const keyBytes = hexToBytes(keyHex);
    if (keyBytes.length < 16) throw new Error('pseudonymisation key must be at least 16 bytes (32 hex characters)');
    const key = await crypto.subtle.importKey('raw', keyBytes as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const map = new Map<string, string>();
    const sorted = [...values.entries()].filter(([v]) => v.length >= 2).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [value, kind] of sorted) {
      const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${kind}\u0000${value}`)));
      const tag = toHex(mac).slice(0, 8);
      map.set(value, kind === 'host' ? `host-${tag}.invalid` : kind === 'email' ? `email-${tag}@invalid` : `${PREFIX[kind]}-${tag}`);
    }
    // Longest first, so `alice.smith` wins over `alice`.
    const byLength = [...map.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const names = byLength.filter((v) => !/[.:@/=]/.test(v));
    const dotted = byLength.filter((v) => /[.:@/=]/.test(v));
    const nameRe = names.length ? new RegExp(`(?<![A-Za-z0-9_-])(?:${names.map(escapeRe).join('|')})(?![A-Za-z0-9_-])`, 'g') : null;
    const dottedRe = dotted.length
      ? new RegExp(`(?<![A-Za-z0-9_.-])(?:${dotted.map(escapeRe).join('|')})(?![A-Za-z0-9_:-]|\\.[A-Za-z0-9])`, 'g')
      : null;
    return new AliasTable(map, nameRe, dottedRe);
  }

  /** The alias of a known value, or undefined. */
  alias(value: string): string | undefined {
    return this.map.get(value);
  }

  /** Every original value this table hides (for the leak self-check). */
  originals(): string[] {
    return [...this.map.keys()];
  }

  /** Replaces every known value in free text by its alias. */
  scrub(text: string): string {
    let out = text;
    if (this.dottedRe) out = out.replace(this.dottedRe, (m) => this.map.get(m) ?? m);
    if (this.nameRe) out = out.replace(this.nameRe, (m) => this.map.get(m) ?? m);
    return out;
  }
}

/** IPv4 and IPv6 addresses and e-mail / eppn in free text (for values the case did not name). */
export const IPV4_RE = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\d])/g;
export const IPV6_RE = /(?<![0-9A-Za-z:.])(?:(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|(?:[0-9a-fA-F]{1,4}:){1,7}:(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,6})?|::(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,6}))(?![0-9A-Za-z:])/g;
export const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
export const FQDN_RE = /(?<![A-Za-z0-9.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:org|com|net|edu|ch|de|fr|it|uk|nl|es|gov|eu|io|cz|pl|be|at|se|no|fi|dk|jp|cn|ru|us|ca|au|br|in|int|invalid|local|lan)(?![A-Za-z0-9-])/g;
