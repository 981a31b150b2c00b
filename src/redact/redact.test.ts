import { describe, expect, it } from 'vitest';
import { buildCorpus } from './corpus';
import { createLineRedactor } from './line-redactor';
import { redactStream } from './stream';

const corpus = await buildCorpus();
const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

async function redactAll(lines: string[], profile: 'csirt' | 'vo' | 'public' = 'csirt') {
  const r = createLineRedactor({ profile, pseudonymKey: KEY });
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) out.push((await r.redactLine(lines[i]!, i + 1)).text);
  return { out, r };
}

describe('redaction invariant over the corpus', () => {
  it('has 40+ lines with credentials and keeps no secret substring', async () => {
    expect(corpus.lines.length).toBeGreaterThanOrEqual(40);
    const { out, r } = await redactAll([...corpus.lines, ...corpus.pemBlock]);
    const text = out.join('\n');
    for (const s of corpus.secrets) expect(text.includes(s), `leaked: ${s.slice(0, 24)}…`).toBe(false);
    // Every corpus line was changed.
    for (const [i, l] of corpus.lines.entries()) expect(out[i], `line ${i + 1} unchanged: ${l.slice(0, 60)}`).not.toBe(l);
    const counts = r.counts();
    for (const k of ['wlcg', 'scitoken', 'iam-refresh', 'htcondor-idtoken', 'mytoken', 'jwe', 'vault', 'opaque', 'macaroon', 'private-key', 'url-password'] as const) {
      expect(counts[k], `no ${k} counted`).toBeGreaterThan(0);
    }
  });

  it('leaves negatives byte-identical', async () => {
    const { out } = await redactAll(corpus.negatives);
    expect(out).toEqual(corpus.negatives);
  });

  it('keeps header and payload of a signed JWS and marks the signature with the fingerprint', async () => {
    const r = createLineRedactor();
    const t = corpus.tokens.wlcg!;
    const line = await r.redactLine(`token=${t}`, 1);
    const [h, p] = t.split('.');
    expect(line.text).toMatch(new RegExp(`^token=${h}\\.${p}\\.\\[sig-redacted:[0-9a-f]{16}\\]$`));
    expect(line.secrets[0]!.token.kind).toBe('wlcg');
    expect(line.secrets[0]!.token.jti).toBe('3f0b9c7e-51a2-4d6f-8b3e-2a9c4d7e1f60');
    expect(line.text.slice(line.secrets[0]!.start, line.secrets[0]!.end)).toBe(line.secrets[0]!.token.redacted);
  });

  it('answers a line whose credentials were seen before synchronously, with the same text, positions and counts', async () => {
    const r = createLineRedactor();
    const t = corpus.tokens.wlcg!;
    const text = `GET /x?access_token=${t} then Bearer ${corpus.tokens.refresh} end`;
    const first = r.redactLine(text, 1);
    expect(first).toBeInstanceOf(Promise); // decoding a new token is async (SHA-256 via crypto.subtle)
    const a = await first;
    const second = r.redactLine(text, 2);
    expect(second).not.toBeInstanceOf(Promise);
    const b = second as Awaited<typeof first>;
    expect(b.text).toBe(a.text);
    expect(b.secrets).toEqual(a.secrets);
    expect(b.line).toBe(2);
    for (const s of b.secrets) expect(b.text.slice(s.start, s.end)).toBe(s.token.redacted);
    expect(b.text.includes(t.split('.')[2]!)).toBe(false);
    expect(r.counts().wlcg).toBe(2);
    expect(r.tokens().length).toBe(a.secrets.length);
  });

  it('replaces unsigned refresh tokens and JWE bodies whole', async () => {
    const r = createLineRedactor();
    const refresh = await r.redactLine(`refresh_token=${corpus.tokens.refresh}`, 1);
    expect(refresh.text).toMatch(/^refresh_token=\[secret-redacted:iam-refresh:[0-9a-f]{16}\]$/);
    const jwe = await r.redactLine(`x ${corpus.tokens.jwe}`, 2);
    expect(jwe.text).toMatch(/^x eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ\.\[jwe-redacted:[0-9a-f]{16}\]$/);
  });

  it('drops a multi-line private key block and marks the END line', async () => {
    const { out, r } = await redactAll(['proxy file:', ...corpus.pemBlock, 'after']);
    expect(out[1]).toBe('-----BEGIN PRIVATE KEY----- [private key follows, redacted]');
    expect(out[out.length - 2]).toMatch(/^-----END PRIVATE KEY----- \[secret-redacted:private-key:[0-9a-f]{16}\]$/);
    expect(out[out.length - 1]).toBe('after');
    expect(r.counts()['private-key']).toBe(1);
  });

  it('is fail-closed: a JWT-shaped value that does not decode is still redacted and marked malformed', async () => {
    const r = createLineRedactor();
    const l = await r.redactLine('x eyJub3QganNvbg.eyJhbGl2ZSI6dHJ1ZX0.c2lnbmF0dXJlLXBhcnQtdGhhdC1tdXN0LWdv', 1);
    expect(l.text).toMatch(/^x \[secret-redacted:jwt:[0-9a-f]{16}\]$/);
    expect(l.secrets[0]!.token.malformed).toMatch(/header does not decode/);
  });

  it('public profile leaves no original user name, subject, e-mail or IP, with stable aliases', async () => {
    const { out } = await redactAll(corpus.lines, 'public');
    const text = out.join('\n');
    for (const v of [...corpus.personal.subjects, ...corpus.personal.emails, ...corpus.personal.ips, ...corpus.personal.users]) {
      expect(text, `kept ${v}`).not.toMatch(new RegExp(`(?<![A-Za-z0-9_-])${v.replace(/\./g, '\\.')}(?![A-Za-z0-9_-])`));
    }
    for (const s of corpus.secrets) expect(text.includes(s)).toBe(false);
    const again = await redactAll(corpus.lines, 'public');
    expect(again.out).toEqual(out);
    const other = createLineRedactor({ profile: 'public', pseudonymKey: 'ff'.repeat(32) });
    expect((await other.redactLine(corpus.lines[2]!, 1)).text).not.toBe(out[2]);
  });
});

describe('streaming redaction', () => {
  it('handles secrets split across chunk boundaries, at every split point of a line', async () => {
    const line = `curl -H "Authorization: Bearer ${corpus.tokens.nineDay}" https://se01.example-site.org/x\n`;
    for (let cut = 1; cut < line.length; cut += 7) {
      const { stream } = redactStream();
      const writer = stream.writable.getWriter();
      const chunks: string[] = [];
      const reading = (async () => {
        const reader = stream.readable.getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          chunks.push(value);
        }
      })();
      await writer.write(line.slice(0, cut));
      await writer.write(line.slice(cut));
      await writer.close();
      await reading;
      const out = chunks.join('');
      expect(out.includes(corpus.tokens.nineDay!.split('.')[2]!)).toBe(false);
      expect(out).toMatch(/\[sig-redacted:[0-9a-f]{16}\]/);
    }
  });
});

/** Runs text through redactStream in chunks of `size` characters. */
async function streamed(text: string, size: number, opts: Parameters<typeof redactStream>[0] = {}) {
  const { stream, redactor } = redactStream(opts);
  const chunks: string[] = [];
  const reading = stream.readable.pipeTo(new WritableStream<string>({ write: (c) => void chunks.push(c) }));
  const writer = stream.writable.getWriter();
  for (let i = 0; i < text.length; i += size) await writer.write(text.slice(i, i + size));
  await writer.close();
  await reading;
  return { out: chunks.join(''), redactor };
}

describe('streaming redaction over the whole corpus', () => {
  const all = [...corpus.negatives.slice(0, 3), ...corpus.lines, 'proxy:', ...corpus.pemBlock, ...corpus.negatives.slice(3)];
  const text = `${all.join('\n')}\nlast line without newline`;

  it('gives the same bytes as the line redactor, whatever the chunk size', async () => {
    const { out: lineOut, r: lineRedactor } = await redactAll(text.split('\n'));
    for (const size of [1 << 20, 4096, 97, 13]) {
      const { out, redactor } = await streamed(text, size);
      expect(out, `chunk size ${size}`).toBe(lineOut.join('\n'));
      for (const s of corpus.secrets) expect(out.includes(s), `leaked at chunk ${size}: ${s.slice(0, 24)}…`).toBe(false);
      expect(redactor.counts()).toEqual(lineRedactor.counts());
    }
  });

  it('keeps CRLF line ends and unchanged lines byte-identical', async () => {
    const crlf = `${corpus.negatives.join('\r\n')}\r\nBEARER_TOKEN=${corpus.tokens.wlcg}\r\n${corpus.negatives[0]}\r\n`;
    const { out } = await streamed(crlf, 64);
    const lines = out.split('\r\n');
    expect(lines.slice(0, corpus.negatives.length)).toEqual(corpus.negatives);
    expect(lines[corpus.negatives.length]).toMatch(/^BEARER_TOKEN=eyJ[^.]+\.eyJ[^.]+\.\[sig-redacted:[0-9a-f]{16}\]$/);
    expect(lines[corpus.negatives.length + 1]).toBe(corpus.negatives[0]);
    expect(out.endsWith('\r\n')).toBe(true);
  });

  it('pseudonymises every line in the public profile, also when streamed', async () => {
    const { out } = await streamed(text, 501, { profile: 'public', pseudonymKey: KEY });
    for (const v of [...corpus.personal.subjects, ...corpus.personal.ips]) expect(out.includes(v), `kept ${v}`).toBe(false);
    for (const s of corpus.secrets) expect(out.includes(s)).toBe(false);
  });
});

describe('private keys in X.509 proxy files and other PEM flavours', () => {
  const body = corpus.pemBlock.slice(1, -1);
  const cert = ['-----BEGIN CERTIFICATE-----', 'MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJRTESMBAGA1UE', '-----END CERTIFICATE-----'];
  for (const label of ['RSA PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'PRIVATE KEY']) {
    it(`drops the ${label} of a proxy file and keeps its certificates byte-identical`, async () => {
      const proxy = [...cert, `-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`, ...cert];
      const { out, r } = await redactAll(proxy);
      expect(out.slice(0, 3)).toEqual(cert);
      expect(out.slice(-3)).toEqual(cert);
      for (const l of body) expect(out.join('\n').includes(l)).toBe(false);
      expect(r.counts()['private-key']).toBe(1);
      const { out: streamedOut } = await streamed(proxy.join('\n'), 50);
      expect(streamedOut).toBe(out.join('\n'));
    });
  }
});

describe('already-redacted text', () => {
  it('is a fixed point: redacting the redacted corpus changes nothing and counts nothing', async () => {
    const { out } = await redactAll([...corpus.lines, ...corpus.pemBlock]);
    const { out: again, r } = await redactAll(out);
    expect(again).toEqual(out);
    expect(r.counts()).toEqual({});
  });
});

describe('a forged "already redacted" key block', () => {
  it('still drops key lines that follow our BEGIN marker', async () => {
    const body = corpus.pemBlock.slice(1, -1);
    const { out, r } = await redactAll(['-----BEGIN PRIVATE KEY----- [private key follows, redacted]', '[private-key line redacted]', ...body, '-----END PRIVATE KEY-----', 'after']);
    for (const l of body) expect(out.join('\n').includes(l)).toBe(false);
    expect(out[out.length - 1]).toBe('after');
    expect(r.counts()['private-key']).toBe(1);
  });
});

describe('vo keep-list', () => {
  it('vo keeps listed values readable; public ignores the list', async () => {
    const line = 'Nov 23 14:02:11 ui01 sshd[40212]: Accepted publickey for alice from 203.0.113.51 port 53310 ssh2';
    const vo = createLineRedactor({ profile: 'vo', pseudonymKey: KEY, keep: ['alice'] });
    const pub = createLineRedactor({ profile: 'public', pseudonymKey: KEY, keep: ['alice'] });
    const v = (await vo.redactLine(line, 1)).text;
    const p = (await pub.redactLine(line, 1)).text;
    expect(v).toContain('for alice from');
    expect(v).not.toContain('203.0.113.51');
    expect(p).not.toMatch(/\balice\b/);
    expect(p).not.toContain('203.0.113.51');
  });
});
