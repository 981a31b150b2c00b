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
