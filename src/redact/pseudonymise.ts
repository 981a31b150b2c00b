/**
 * Keyed pseudonyms for the `vo` and `public` profiles: identifiers in a line are replaced by
 * `user-…`, `sub-…`, `email-…@invalid`, `ip-…`, `host-….invalid` aliases (HMAC-SHA256 under the
 * case key). Aliases are cached per value; values are identifiers, never secrets.
 */
import { hexToBytes, toHex } from '../model/ids-hash';
import { EMAIL_RE, FQDN_RE, IPV4_RE, IPV6_RE } from './aliases';

type Kind = 'user' | 'sub' | 'email' | 'ip' | 'host' | 'dn';

/** Identifiers named by their context in grid log formats (value in group 1). */
const CONTEXT: [RegExp, Kind][] = [
  [/\b(?:user\.sub|subject|sub|oidc_sub)[=:]\s*"?([A-Za-z0-9._@-]{3,})/g, 'sub'],
  [/"(?:sub|subject|oidc_sub)"\s*:\s*"([^"]{3,})"/g, 'sub'],
  [/AuthId=[^,\s]+,([^,\s]+)/g, 'sub'],
  [/AuthTokenSubject\s*=\s*"([^"]+)"/g, 'sub'],
  [/\b(?:Owner|OsUser|owner)\s*[=:]\s*"?([A-Za-z0-9._-]{2,})/g, 'user'],
  [/\b(?:user|mapped_username|principal|prodUserID|preferred_username|username)[=:]\s*"?([A-Za-z0-9._-]{2,})/g, 'user'],
  [/"(?:principal|user|username|preferred_username|prodUserID)"\s*:\s*"([^"]{2,})"/g, 'user'],
  [/\b(?:for|user)\s+(?:invalid user\s+)?([a-z_][a-z0-9_.-]{1,31})\s+from\b/g, 'user'],
  [/\blogin as\s+([A-Za-z0-9._-]{2,})/g, 'user'],
  [/CondorId=([A-Za-z0-9._-]+)@/g, 'user'],
  [/\/CN=([^/,"]+)/g, 'dn'],
  [/(?<![A-Za-z0-9_.-])([A-Za-z][A-Za-z0-9_-]{1,31})\.\d+:\d+@/g, 'user'], // XRootD tident user.pid:fd@host
  [/\/users?\/([A-Za-z][A-Za-z0-9_.-]{1,31})(?=[/\s"?]|$)/g, 'user'], // storage paths /store/user/<name>/
  [/^\S+ \S+ ([A-Za-z][A-Za-z0-9_.@-]*) \[/g, 'user'], // web access log %u
];

const PREFIX: Record<Kind, string> = { user: 'user', sub: 'sub', email: 'email', ip: 'ip', host: 'host', dn: 'cn' };

export class Pseudonymiser {
  private key: ReturnType<typeof crypto.subtle.importKey>;
  private readonly aliases = new Map<string, string>();
  private readonly keep: Set<string>;

  constructor(keyHex: string, keep: Iterable<string> = []) {
    if (!/^[0-9a-fA-F]{32,}$/.test(keyHex)) throw new Error('pseudonymisation key must be at least 32 hex characters');
    this.key = crypto.subtle.importKey('raw', hexToBytes(keyHex) as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    this.keep = new Set(keep);
  }

  private async alias(value: string, kind: Kind): Promise<string> {
    const cacheKey = `${kind}\u0000${value}`;
    const hit = this.aliases.get(cacheKey);
    if (hit) return hit;
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await this.key, new TextEncoder().encode(cacheKey)));
    const tag = toHex(mac).slice(0, 8);
    const a = kind === 'host' ? `host-${tag}.invalid` : kind === 'email' ? `email-${tag}@invalid` : `${PREFIX[kind]}-${tag}`;
    this.aliases.set(cacheKey, a);
    return a;
  }

  /** Replaces every identifier in `text` by its alias. */
  async apply(text: string): Promise<string> {
    const found: { start: number; end: number; value: string; kind: Kind }[] = [];
    const add = (start: number, value: string, kind: Kind) => {
      if (!value || this.keep.has(value) || /^(?:user|sub|email|ip|host|cn)-[0-9a-f]{8}/.test(value)) return;
      const end = start + value.length;
      if (found.some((f) => start < f.end && end > f.start)) return;
      found.push({ start, end, value, kind });
    };
    for (const m of text.matchAll(EMAIL_RE)) add(m.index, m[0], 'email');
    for (const [re, kind] of CONTEXT) for (const m of text.matchAll(re)) add(m.index + m[0].lastIndexOf(m[1]!), m[1]!, kind);
    for (const m of text.matchAll(IPV4_RE)) add(m.index, m[0], 'ip');
    for (const m of text.matchAll(IPV6_RE)) add(m.index, m[0], 'ip');
    for (const m of text.matchAll(FQDN_RE)) add(m.index, m[0], 'host');
    if (!found.length) return text;
    found.sort((a, b) => a.start - b.start);
    let out = '';
    let pos = 0;
    for (const f of found) {
      out += text.slice(pos, f.start) + (await this.alias(f.value, f.kind));
      pos = f.end;
    }
    // A value once seen keeps its alias everywhere, also where no context names it.
    return this.replaceKnown(out + text.slice(pos));
  }

  private replaceKnown(text: string): string {
    let out = text;
    for (const [k, a] of this.aliases) {
      const value = k.slice(k.indexOf('\u0000') + 1);
      if (value.length < 3 || !out.includes(value)) continue;
      out = out.replace(new RegExp(`(?<![A-Za-z0-9_.-])${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![A-Za-z0-9_-])`, 'g'), a);
    }
    return out;
  }
}
