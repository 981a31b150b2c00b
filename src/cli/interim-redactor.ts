/**
 * INTERIM line redactor for `analyze` until src/redact (`createLineRedactor`) lands on main; the
 * lead swaps it in `analysis-deps.ts`. Deliberately conservative: it replaces JWT signatures,
 * unsigned JWTs, JWEs, bearer/Vault/opaque token values, URL passwords and PEM private key
 * bodies, and fingerprints each one (SHA-256 of the credential), but decodes no claims.
 */
import type { LineRedactor, RedactedLine, RedactionCounts, SecretSighting } from '../model/redaction';
import { sha256Hex } from '../model/ids-hash';
import type { TokenInfo, TokenKind } from '../model/token';

// `hint`: a cheap test that must pass before the pattern's regex runs (most lines pass none).
const PATTERNS: { re: RegExp; kind: TokenKind; hint: (t: string) => boolean; keepPrefix?: (m: RegExpExecArray) => number }[] = [
  // JWE: five parts; replaced whole (the protected header is kept).
  { re: /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, kind: 'jwe', hint: (t) => t.includes('eyJ'), keepPrefix: (m) => m[0].indexOf('.') + 1 },
  // JWS: header.payload kept, signature replaced; unsigned (empty signature) replaced whole.
  { re: /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, kind: 'jwt', hint: (t) => t.includes('eyJ'), keepPrefix: (m) => (m[0].endsWith('.') ? 0 : m[0].lastIndexOf('.') + 1) },
  { re: /\bhv[sbr]\.[A-Za-z0-9_-]{20,}/g, kind: 'vault', hint: (t) => t.includes('hv') },
  { re: /(?<=\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:)[^\s@/]+(?=@)/gi, kind: 'url-password', hint: (t) => t.includes('://') && t.includes('@') },
  { re: /(?<=\b(?:Bearer|bearer)\s+|(?:access_token|refresh_token|BEARER_TOKEN|X-Vault-Token|VAULT_TOKEN|token|authz)["']?\s*[=:]\s*["']?)[A-Za-z0-9._~+/=-]{16,}/g, kind: 'opaque', hint: (t) => OPAQUE_HINT.test(t) },
];
const OPAQUE_HINT = /[Bb]earer\s|(?:_token|TOKEN|Token|token|authz)["']?\s*[=:]/;
const KEY_BEGIN = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const KEY_END = /-----END [A-Z ]*PRIVATE KEY-----/;
/** Cheap prefilter: substrings every credential pattern needs (indexOf is far faster than a regex). */
const CANDIDATE = /eyJ|hv[sbr]\.|:\/\/[^\s/@]*@|earer|oken|OKEN|authz/;
function candidate(t: string): boolean {
  return CANDIDATE.test(t);
}

interface Hit {
  start: number;
  end: number;
  keep: number;
  kind: TokenKind;
}

export function interimRedactor(): LineRedactor {
  const counts: RedactionCounts = {};
  const tokens = new Map<string, TokenInfo>();
  let inKey = false;

  async function redact(text: string, line: number, hits: Hit[]): Promise<RedactedLine> {
    let out = '';
    let pos = 0;
    const secrets: SecretSighting[] = [];
    for (const h of hits) {
      const secret = text.slice(h.start, h.end);
      const fp = await sha256Hex(secret);
      const marker = `${secret.slice(0, h.keep)}[${h.keep ? 'sig' : h.kind}-redacted:${fp.slice(0, 16)}]`;
      out += text.slice(pos, h.start);
      const start = out.length;
      out += marker;
      pos = h.end;
      let info = tokens.get(fp);
      if (!info) {
        const kind: TokenKind = h.kind === 'jwt' && h.keep === 0 ? 'jwt-unsigned' : h.kind;
        info = { fp, kind, redacted: marker, length: secret.length, aud: [], scopes: [], groups: [] };
        tokens.set(fp, info);
      }
      counts[info.kind] = (counts[info.kind] ?? 0) + 1;
      secrets.push({ start, end: out.length, token: info });
    }
    return { line, text: out + text.slice(pos), secrets };
  }

  return {
    redactLine(text, line) {
      if (inKey || (text.includes('PRIVATE KEY') && KEY_BEGIN.test(text))) {
        const begins = KEY_BEGIN.test(text);
        inKey = !KEY_END.test(text);
        // Key body lines (and one-line keys) are replaced whole.
        if (!begins || !inKey) return redact(text, line, [{ start: 0, end: text.length, keep: 0, kind: 'private-key' }]);
        return { line, text, secrets: [] };
      }
      if (!candidate(text)) return { line, text, secrets: [] };
      const hits: Hit[] = [];
      for (const p of PATTERNS) {
        if (!p.hint(text)) continue;
        p.re.lastIndex = 0;
        for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
          const start = m.index;
          const end = start + m[0].length;
          if (!hits.some((h) => start < h.end && end > h.start)) hits.push({ start, end, keep: p.keepPrefix?.(m) ?? 0, kind: p.kind });
        }
      }
      if (hits.length === 0) return { line, text, secrets: [] };
      hits.sort((a, b) => a.start - b.start);
      return redact(text, line, hits);
    },
    counts: () => ({ ...counts }),
    tokens: () => [...tokens.values()],
  };
}
