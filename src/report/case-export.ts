/** JSON format: the `tokentrail.case/v1` subset the profile allows (still schema-valid). */
import type { Case } from '../model/case';
import type { ReportOptions } from './options';
import { walkStrings } from './data';
import { PUBLIC_CLAIMS } from './sharing';


export function profileCase(c: Case, scrub: (s: string) => string, opts: ReportOptions): Case {
  const excluded = new Set(opts.excludeFindings ?? []);
  const base: Case = {
    ...c,
    profile: opts.profile,
    findings: c.findings.filter((f) => !excluded.has(f.id)),
    tokens: c.tokens.map((t) => {
      if (opts.profile === 'csirt') return t;
      const claims = t.claims
        ? Object.fromEntries(Object.entries(t.claims).filter(([k]) => opts.profile !== 'public' || PUBLIC_CLAIMS.has(k)))
        : undefined;
      const { claims: _drop, ...rest } = t;
      return { ...rest, ...(claims ? { claims } : {}), redacted: `[${t.kind}:${t.fp.slice(0, 16)}]` };
    }),
  };
  const out = walkStrings(base, scrub);
  if (opts.profile === 'public') {
    for (const e of out.events) e.text = '';
    for (const f of out.findings) for (const ev of f.evidence) ev.text = '';
  }
  return out;
}
