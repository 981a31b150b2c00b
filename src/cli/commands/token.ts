import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { JSONWebKeySet } from 'jose';
import type { TokenInfo } from '../../model/token';
import { findInTokenFile, findSecrets } from '../../tokens/find';
import { inspectSecret } from '../../tokens/decode';
import { formatSeconds, judgeToken } from '../../tokens/judge';
import { type VerifyResult, verifyToken } from '../../tokens/verify';
import { CliExit, type CliIo } from '../io';

interface TokenFlags {
  json?: boolean;
  jwks?: string;
  pem?: string;
  at?: string;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The raw input: a literal token, `@FILE`, or `-` for stdin. Never echoed. */
async function readInput(arg: string | undefined): Promise<string> {
  if (arg === undefined || arg === '-') return readStdin();
  if (arg.startsWith('@')) {
    try {
      return await readFile(arg.slice(1), 'utf8');
    } catch (e) {
      throw new CliExit(1, `cannot read ${arg.slice(1)}: ${(e as NodeJS.ErrnoException).code ?? e}`);
    }
  }
  return arg;
}

const iso = (s?: number) => (s === undefined ? '—' : new Date(s * 1000).toISOString());

function relative(s: number | undefined, nowMs: number): string {
  if (s === undefined) return '';
  const d = Math.round(s - nowMs / 1000);
  return d >= 0 ? ` (in ${formatSeconds(d)})` : ` (${formatSeconds(-d)} ago)`;
}

function human(t: TokenInfo, v: VerifyResult, findings: ReturnType<typeof judgeToken>, nowMs: number): string {
  const out: string[] = [];
  out.push(`kind:        ${t.kind}${t.malformed ? ` (malformed: ${t.malformed})` : ''}`);
  out.push(`fingerprint: ${t.fp}`);
  if (t.header) out.push(`header:      ${JSON.stringify(t.header)}`);
  if (t.iss) out.push(`issuer:      ${t.iss}`);
  if (t.sub) out.push(`subject:     ${t.sub}`);
  if (t.aud.length) out.push(`audience:    ${t.aud.join(' ')}`);
  if (t.jti) out.push(`jti:         ${t.jti}`);
  if (t.scopes.length) out.push(`scopes:      ${t.scopes.map((s) => (s.path !== undefined ? `${s.action} on ${s.path}` : s.action)).join(', ')}`);
  if (t.groups.length) out.push(`groups:      ${t.groups.join(' ')}`);
  if (t.iat !== undefined) out.push(`issued:      ${iso(t.iat)}${relative(t.iat, nowMs)}`);
  if (t.nbf !== undefined) out.push(`not before:  ${iso(t.nbf)}`);
  if (t.exp !== undefined) out.push(`expires:     ${iso(t.exp)}${relative(t.exp, nowMs)}`);
  if (t.lifetimeS !== undefined) out.push(`lifetime:    ${formatSeconds(t.lifetimeS)}`);
  out.push(`signature:   ${v.status}${v.reason ? ` (${v.reason})` : ''}`);
  if (t.claims) {
    out.push('claims:');
    for (const [k, val] of Object.entries(t.claims)) out.push(`  ${k}: ${JSON.stringify(val)}`);
  }
  out.push(findings.length ? 'findings:' : 'findings:    none');
  for (const f of findings) {
    out.push(`  [${f.severity.toUpperCase()}] ${f.rule}: ${f.explanation}`);
    out.push(`      source: ${f.source}`);
  }
  out.push(`redacted:    ${t.redacted}`);
  return `${out.join('\n')}\n`;
}

export function registerToken(program: Command, io: CliIo): void {
  program
    .command('token')
    .description('decode, verify offline and judge a token (never prints a signature)')
    .argument('[token]', 'the token, @FILE (a token file), or - for stdin')
    .option('--json', 'machine-readable output')
    .option('--jwks <file>', 'JWKS file for offline signature verification')
    .option('--pem <file>', 'PEM public key for offline signature verification')
    .option('--at <iso>', 'judge use at this time (expiry / not-yet-valid)')
    .action(async (arg: string | undefined, flags: TokenFlags) => {
      const at = flags.at ? Date.parse(flags.at) : undefined;
      if (flags.at && Number.isNaN(at)) throw new CliExit(2, `token: --at is not a time: ${flags.at}`);
      const raw = await readInput(arg);
      const matches = arg?.startsWith('@') || arg === '-' || arg === undefined ? findInTokenFile(raw) : findSecrets(raw).length ? findSecrets(raw) : findInTokenFile(raw);
      if (matches.length === 0) throw new CliExit(1, 'malformed token: nothing that looks like a token (JWT, Vault token, bearer value) was found');
      const results = [];
      for (const m of matches) {
        const info = await inspectSecret(m.value, m.hint);
        let verification: VerifyResult = { status: 'no-key' };
        if (flags.jwks || flags.pem) {
          const jwks = flags.jwks ? (JSON.parse(await readFile(flags.jwks, 'utf8')) as JSONWebKeySet) : undefined;
          const pem = flags.pem ? await readFile(flags.pem, 'utf8') : undefined;
          verification = info.header ? await verifyToken(m.value, { jwks, pem }) : { status: 'no-key', reason: 'not a signed JWT' };
        }
        const findings = judgeToken(info, { at });
        results.push({ info, verification, findings });
      }
      if (flags.json) {
        io.out(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
      } else {
        for (const r of results) io.out(human(r.info, r.verification, r.findings, at ?? Date.now()));
      }
      if (results.every((r) => r.info.malformed)) throw new CliExit(1, `malformed token: ${results[0]!.info.malformed}`);
    });
}
