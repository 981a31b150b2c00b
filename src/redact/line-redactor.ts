/**
 * The line redactor ingestion and the CLI run every line through. Synchronous when a line holds
 * no candidate (the hot path); async otherwise (fingerprints use crypto.subtle).
 */
import type { LineRedactor, RedactedLine, RedactionCounts, RedactionProfile, SecretSighting } from '../model/redaction';
import type { TokenInfo } from '../model/token';
import { fp16, inspectSecret } from '../tokens/decode';
import { findSecrets, findSecretsInCandidate, mayContainSecret, type SecretHint, type SecretMatch } from '../tokens/find';
import { Pseudonymiser } from './pseudonymise';

export interface RedactorOptions {
  profile?: RedactionProfile;
  /** Hex key for the vo/public pseudonyms (≥ 32 hex chars). Required for vo/public. */
  pseudonymKey?: string;
  /**
   * Values the `vo` profile keeps readable (e.g. the VO's own members, when sharing with that VO).
   * Ignored by `public`, which pseudonymises every identifier.
   */
  keep?: string[];
  /** A private-key block longer than this many lines is closed anyway (still redacted). */
  maxKeyLines?: number;
}

const PEM_BEGIN = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY)-----/;
const KEY_FOLLOWS_MARK = ' [private key follows, redacted]';
const KEY_LINE_MARK = '[private-key line redacted]';
/**
 * `secrets` of every line without a credential: one shared, frozen array rather than a new one
 * per line (the common case; nothing writes to a line's sightings, and a write would throw).
 */
const NO_SECRETS: SecretSighting[] = Object.freeze([]) as unknown as SecretSighting[];
const JWT_FORM = /eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.\[sig-redacted:([0-9a-f]{16})\]/g;

export interface TextRedactor extends LineRedactor {
  /** Redacts free text (several lines at once, e.g. a pasted token or a whole token file). */
  redactText(text: string): Promise<{ text: string; secrets: SecretSighting[] }>;
  /** True while inside a multi-line private-key block: every next line must come through redactLine. */
  inKeyBlock(): boolean;
  /** True when every line must come through redactLine (pseudonymising profiles), not just candidates. */
  readonly everyLine: boolean;
}

/** `text` with each match replaced by its redacted form, and where each one now sits. */
function joinRedacted(text: string, matches: readonly SecretMatch[], infos: readonly TokenInfo[]): { text: string; secrets: SecretSighting[] } {
  let out = '';
  const secrets: SecretSighting[] = [];
  let pos = 0;
  for (let i = 0; i < matches.length; i++) {
    out += text.slice(pos, matches[i]!.start);
    const shown = infos[i]!.redacted;
    secrets.push({ start: out.length, end: out.length + shown.length, token: infos[i]! });
    out += shown;
    pos = matches[i]!.end;
  }
  return { text: out + text.slice(pos), secrets };
}

export function createLineRedactor(opts: RedactorOptions = {}): TextRedactor {
  const profile = opts.profile ?? 'csirt';
  if (profile !== 'csirt' && !opts.pseudonymKey) throw new Error(`profile ${profile} needs a pseudonymisation key`);
  const pseudo = profile === 'csirt' ? undefined : new Pseudonymiser(opts.pseudonymKey!, profile === 'vo' ? opts.keep : []);
  const maxKeyLines = opts.maxKeyLines ?? 1000;
  const counts: RedactionCounts = {};
  const tokens = new Map<string, TokenInfo>();
  /** Open multi-line key block; `already` while it looks like our own output of one (see below). */
  let keyBlock: { kind: string; lines: string[]; already?: boolean } | null = null;
  // Logs repeat the same token many times: decoding + SHA-256 once per distinct value keeps
  // candidate lines cheap. Bounded (entries and value size) so memory stays constant.
  const seen = new Map<string, TokenInfo>();
  const inspect = async (value: string, hint: SecretHint): Promise<TokenInfo> => {
    const key = `${hint}\u0000${value}`;
    const hit = seen.get(key);
    if (hit) return hit;
    const info = await inspectSecret(value, hint);
    if (value.length <= 16384) {
      if (seen.size >= 4096) seen.clear();
      seen.set(key, info);
    }
    return info;
  };

  const record = (t: TokenInfo) => {
    counts[t.kind] = (counts[t.kind] ?? 0) + 1;
    if (!tokens.has(t.fp)) tokens.set(t.fp, t);
  };

  async function redactSegment(text: string, found?: ReturnType<typeof findSecrets>): Promise<{ text: string; secrets: SecretSighting[] }> {
    const matches = found ?? findSecrets(text);
    const infos: TokenInfo[] = [];
    for (const m of matches) {
      const info = await inspect(m.value, m.hint);
      record(info);
      infos.push(info);
    }
    if (!pseudo) return joinRedacted(text, matches, infos);
    let out = '';
    const secrets: SecretSighting[] = [];
    let pos = 0;
    for (let i = 0; i <= matches.length; i++) {
      out += await pseudo.apply(text.slice(pos, matches[i]?.start ?? text.length));
      if (i === matches.length) break;
      // In shared profiles a JWT's base64 payload would carry the subject: collapse it.
      const shown = infos[i]!.redacted.replace(JWT_FORM, '[jwt:$1]');
      secrets.push({ start: out.length, end: out.length + shown.length, token: infos[i]! });
      out += shown;
      pos = matches[i]!.end;
    }
    return { text: out, secrets };
  }

  /** The infos of every match when each value was inspected before (from the cache), else undefined. */
  function seenInfos(matches: readonly SecretMatch[]): TokenInfo[] | undefined {
    const out: TokenInfo[] = [];
    for (const m of matches) {
      const hit = seen.get(`${m.hint}\u0000${m.value}`);
      if (!hit) return undefined;
      out.push(hit);
    }
    return out;
  }

  async function finishKey(line: number, text: string, endAt: number): Promise<RedactedLine> {
    const block = keyBlock!;
    keyBlock = null;
    const full = [...block.lines, text.slice(0, endAt)].join('\n');
    const info = await inspectSecret(full, 'private-key');
    record(info);
    const marker = `-----END ${block.kind}----- ${info.redacted}`;
    const rest = await redactSegment(text.slice(endAt));
    return { line, text: marker + rest.text, secrets: [{ start: marker.length - info.redacted.length, end: marker.length, token: info }, ...rest.secrets.map((s) => ({ ...s, start: s.start + marker.length, end: s.end + marker.length }))] };
  }

  function redactLine(text: string, line: number): RedactedLine | Promise<RedactedLine> {
    if (keyBlock?.already) {
      // Our own redacted block passes through unchanged (redacting twice changes nothing); any
      // other line inside it is treated as key material from here on (fail closed).
      if (text === KEY_LINE_MARK) return { line, text, secrets: NO_SECRETS };
      if (new RegExp(`^-----END ${keyBlock.kind}----- \\[secret-redacted:private-key:[0-9a-f]{16}\\]$`).test(text)) {
        keyBlock = null;
        return { line, text, secrets: NO_SECRETS };
      }
      keyBlock.already = false;
    }
    if (keyBlock) {
      const end = `-----END ${keyBlock.kind}-----`;
      const at = text.indexOf(end);
      if (at >= 0) return finishKey(line, text, at + end.length);
      keyBlock.lines.push(text);
      if (keyBlock.lines.length > maxKeyLines) keyBlock = null;
      return { line, text: KEY_LINE_MARK, secrets: NO_SECRETS };
    }
    if (!mayContainSecret(text) && !pseudo) return { line, text, secrets: NO_SECRETS };
    const begin = PEM_BEGIN.exec(text);
    if (begin && !text.includes(`-----END ${begin[1]}-----`, begin.index)) {
      const already = text.slice(begin.index + begin[0].length) === KEY_FOLLOWS_MARK;
      keyBlock = { kind: begin[1]!, lines: [text.slice(begin.index)], already };
      return redactSegment(text.slice(0, begin.index)).then((r) => ({ line, text: `${r.text}${begin[0]}${KEY_FOLLOWS_MARK}`, secrets: r.secrets }));
    }
    // Most candidate lines hold no credential after all: answer them synchronously.
    // Without a pseudonymiser only candidate lines get here: no second candidate check.
    const found = pseudo ? findSecrets(text) : findSecretsInCandidate(text);
    if (found.length === 0 && !pseudo) return { line, text, secrets: NO_SECRETS };
    // Logs repeat the same credential: once its values were inspected, a line is answered
    // synchronously (no promise and await per line).
    const known = pseudo ? undefined : seenInfos(found);
    if (known) {
      for (const info of known) record(info);
      const j = joinRedacted(text, found, known);
      return { line, text: j.text, secrets: j.secrets };
    }
    // Literals with the same fields in the same order as the common `{ line, text, secrets }`
    // (a spread made another object shape, and parsers' optimised code was dropped on meeting it).
    return redactSegment(text, found).then((r) => ({ line, text: r.text, secrets: r.secrets }));
  }

  return {
    redactLine,
    inKeyBlock: () => keyBlock !== null,
    everyLine: pseudo !== undefined,
    redactText: async (text) => {
      const lines = text.split('\n');
      const out: string[] = [];
      const secrets: SecretSighting[] = [];
      let offset = 0;
      for (let i = 0; i < lines.length; i++) {
        const r = await redactLine(lines[i]!, i + 1);
        for (const s of r.secrets) secrets.push({ ...s, start: s.start + offset, end: s.end + offset });
        out.push(r.text);
        offset += r.text.length + 1;
      }
      return { text: out.join('\n'), secrets };
    },
    counts: () => ({ ...counts }),
    tokens: () => [...tokens.values()].sort((a, b) => (a.fp < b.fp ? -1 : 1)),
  };
}

/** Marker shown for a credential, for UIs that list sightings. */
export function markerFor(t: TokenInfo): string {
  return `[${t.kind}:${fp16(t.fp)}]`;
}
