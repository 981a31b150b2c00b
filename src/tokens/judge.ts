/** Judges a token against the policy table: findings with a one-line explanation and the rule's source. */
import type { Evidence, Finding } from '../model/finding';
import type { TokenInfo } from '../model/token';
import { fp16 } from './decode';
import { policyRule, threshold } from './policy';
import { isRootWrite } from './scopes';

export interface JudgeOptions {
  /** When the token was used/seen (UTC ms): enables the exp/nbf rules. */
  at?: number;
  clockToleranceMs?: number;
  overrides?: Record<string, number>;
  /** Lines where the token was seen. */
  evidence?: Evidence[];
}

export function formatSeconds(s: number): string {
  if (s >= 86400) return `${+(s / 86400).toFixed(1)} d`;
  if (s >= 3600) return `${+(s / 3600).toFixed(1)} h`;
  if (s >= 60) return `${Math.round(s / 60)} min`;
  return `${s} s`;
}

const ACCESS_KINDS = new Set(['wlcg', 'scitoken', 'jwt', 'jwt-unsigned', 'htcondor-idtoken']);
const WILDCARD_AUD = new Set(['https://wlcg.cern.ch/jwt/v1/any', 'ANY', '*']);

/** Which token a finding is about, in words. */
export function tokenName(t: TokenInfo): string {
  return `${t.kind} token ${fp16(t.fp)}${t.jti ? ` (jti ${t.jti})` : ''}`;
}

function containmentFor(t: TokenInfo): string[] {
  const steps: string[] = [];
  if (t.iss && t.jti) steps.push(`Revoke at ${t.iss} the token with jti=${t.jti}`);
  else if (t.iss) steps.push(`Revoke at ${t.iss} the token with fingerprint ${fp16(t.fp)}`);
  if (t.iss && t.sub) steps.push(`If misuse is suspected, suspend subject ${t.sub} at ${t.iss}`);
  if (!t.iss) steps.push(`Rotate the ${t.kind} credential with fingerprint ${fp16(t.fp)} at whoever issued it`);
  return steps;
}

function finding(ruleId: string, t: TokenInfo, explanation: string, evidence: Evidence[], containment: string[]): Finding {
  const rule = policyRule(ruleId);
  return { id: `${ruleId}:${t.fp}`, rule: ruleId, severity: rule.severity, title: rule.title, explanation, source: rule.source, entities: [`token:${t.fp}`], evidence, containment };
}

/** Policy findings for one token, most severe lifetime line only (the others are named in its text). */
export function judgeToken(t: TokenInfo, opts: JudgeOptions = {}): Finding[] {
  const out: Finding[] = [];
  const ev = opts.evidence ?? [];
  const o = opts.overrides;
  const name = tokenName(t);
  const narrow = ['Ask the issuer for shorter lifetimes and narrower scopes for this token class'];
  const isRefresh = t.kind === 'iam-refresh';
  if (t.lifetimeS !== undefined && !isRefresh && ACCESS_KINDS.has(t.kind)) {
    const lines = ['policy.lifetime.max7d', 'policy.lifetime.over24h', 'policy.lifetime.max6h'] as const;
    const crossed = lines.find((id) => t.lifetimeS! > threshold(id, o));
    if (crossed) {
      const nums = `${formatSeconds(t.lifetimeS)} lifetime; lines: 6 h (WLCG profile/AARC-G081 max) ${t.lifetimeS > threshold('policy.lifetime.max6h', o) ? 'exceeded' : 'ok'}, 24 h (TTT careful consideration) ${t.lifetimeS > threshold('policy.lifetime.over24h', o) ? 'exceeded' : 'ok'}, 7 d (TTT absolute maximum) ${t.lifetimeS > threshold('policy.lifetime.max7d', o) ? 'exceeded' : 'ok'}`;
      out.push(finding(crossed, t, `${name}: ${nums} [${crossed}].`, ev, [...containmentFor(t), ...narrow]));
    }
  }
  if (isRefresh && t.lifetimeS !== undefined && t.lifetimeS > threshold('policy.refresh.lifetime', o)) {
    out.push(finding('policy.refresh.lifetime', t, `${name}: ${formatSeconds(t.lifetimeS)} lifetime over the 400 d refresh-token maximum [policy.refresh.lifetime].`, ev, containmentFor(t)));
  }
  if (ACCESS_KINDS.has(t.kind) && t.claims && !t.malformed) {
    const wild = t.aud.filter((a) => WILDCARD_AUD.has(a));
    if (wild.length) out.push(finding('policy.audience.wildcard', t, `${name}: audience ${wild.join(', ')} is valid at every service [policy.audience.wildcard].`, ev, [...containmentFor(t), 'Ask the issuer to issue audience-restricted tokens']));
    else if (t.aud.length === 0 && t.kind !== 'htcondor-idtoken') out.push(finding('policy.audience.missing', t, `${name}: no aud claim, so no service can tell the token was not meant for it [policy.audience.missing].`, ev, narrow));
    const root = t.scopes.filter(isRootWrite);
    if (root.length) out.push(finding('policy.scope.delete-power', t, `${name}: ${root.map((s) => s.raw).join(' ')} gives write and delete power over the whole namespace [policy.scope.delete-power].`, ev, [...containmentFor(t), 'Prefer storage.create on a narrow path for writers']));
    const compute = t.scopes.some((s) => s.action.startsWith('compute.'));
    const storage = t.scopes.some((s) => s.action.startsWith('storage.'));
    if (compute && storage) out.push(finding('policy.scope.compute-and-storage', t, `${name}: carries both compute.* and storage.* scopes [policy.scope.compute-and-storage].`, ev, narrow));
    if (t.header?.alg === 'none' && t.kind !== 'htcondor-idtoken') out.push(finding('policy.alg.none', t, `${name}: an access token with alg none can be forged by anyone [policy.alg.none].`, ev, containmentFor(t)));
  }
  if (opts.at !== undefined) {
    const tol = opts.clockToleranceMs ?? 120_000;
    const atS = opts.at / 1000;
    if (t.exp !== undefined && opts.at > t.exp * 1000 + tol)
      out.push(finding('policy.time.used-after-exp', t, `${name}: seen ${formatSeconds(Math.round(atS - t.exp))} after it expired (tolerance ${formatSeconds(tol / 1000)}) [policy.time.used-after-exp].`, ev, containmentFor(t)));
    const from = t.nbf ?? t.iat;
    if (from !== undefined && opts.at < from * 1000 - tol)
      out.push(finding('policy.time.used-before-valid', t, `${name}: seen ${formatSeconds(Math.round(from - atS))} before it was valid (tolerance ${formatSeconds(tol / 1000)}) [policy.time.used-before-valid].`, ev, ['Check the clocks of the hosts involved; a token used before issue may be forged or replayed']));
  }
  return out;
}

/** The exposure finding: a credential stood in a log line or readable file. */
export function exposureFinding(t: TokenInfo, evidence: Evidence[]): Finding {
  const where = evidence.slice(0, 3).map((e) => `${e.input}:${e.line}`).join(', ');
  return finding('exposure.token-in-log', t, `${tokenName(t)} appears in ${evidence.length} log line(s): ${where}${evidence.length > 3 ? ', …' : ''} [exposure.token-in-log].`, evidence, [
    ...containmentFor(t),
    `Rotate the exposed token ${fp16(t.fp)} and purge it from ${where || 'the files named'}`,
    'Restrict read access to the log files and their copies',
  ]);
}
