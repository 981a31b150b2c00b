/** The Tokens view: every credential of the case in a sortable table; a row opens its details. */
import { useMemo, useState } from 'react';
import { type Finding, severityRank, type TokenInfo } from '../../../../src/model';
import type { CaseData } from '../../app/use-case-data';
import { EmptyState } from '../EmptyState';
import { duration } from './time-format';
import { TokenDetails } from './TokenDetails';
import { TokenInspector } from './TokenInspector';

interface Row {
  t: TokenInfo;
  first?: number;
  last?: number;
  events: number;
  findings: Finding[];
  worst?: Finding;
}

const COLS = ['kind', 'subject', 'issuer', 'scopes', 'lifetime', 'first seen', 'last seen', 'events', 'worst finding'] as const;
type Col = (typeof COLS)[number];

function key(r: Row, c: Col): string | number {
  switch (c) {
    case 'kind':
      return r.t.kind;
    case 'subject':
      return r.t.sub ?? '';
    case 'issuer':
      return r.t.iss ?? '';
    case 'scopes':
      return r.t.scopes.length;
    case 'lifetime':
      return r.t.lifetimeS ?? -1;
    case 'first seen':
      return r.first ?? 0;
    case 'last seen':
      return r.last ?? 0;
    case 'events':
      return r.events;
    case 'worst finding':
      return r.worst ? severityRank(r.worst.severity) : -1;
  }
}

const ts = (ms?: number) => (ms === undefined ? '' : new Date(ms).toISOString().slice(0, 19).replace('T', ' '));

export function TokensTab(props: { data: CaseData | null; onPivot(key: string): void }) {
  const { data } = props;
  const [sort, setSort] = useState<{ col: Col; desc: boolean }>({ col: 'worst finding', desc: true });
  const [open, setOpen] = useState<string | null>(null);
  const rows = useMemo(() => {
    if (!data) return [];
    const ents = new Map(data.tokenEntities.map((e) => [e.key, e]));
    const out: Row[] = data.tokens.map((t) => {
      const e = ents.get(t.fp) ?? data.tokenEntities.find((x) => t.fp.startsWith(x.key) || x.key.startsWith(t.fp.slice(0, 16)));
      const findings = data.findings.filter((f) => f.entities.some((id) => id === e?.id || id.endsWith(t.fp.slice(0, 16)) || id.endsWith(t.fp)));
      const worst = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity))[0];
      return { t, first: e?.firstSeen, last: e?.lastSeen, events: e?.eventCount ?? 0, findings, worst };
    });
    const dir = sort.desc ? -1 : 1;
    return out.sort((a, b) => {
      const x = key(a, sort.col);
      const y = key(b, sort.col);
      return (x < y ? -1 : x > y ? 1 : a.t.fp < b.t.fp ? -1 : 1) * dir;
    });
  }, [data, sort]);

  if (!data || !rows.length) {
    return (
      <div className="tokens">
        <TokenInspector />
        {!data ? (
          <EmptyState title="No case is open">
            Every token found in a case is listed here: decoded, classified (WLCG, SciToken, IAM refresh, IDTOKEN, Vault…) and judged against policy,
            with its signature redacted. Open the demo case or import a bundle.
          </EmptyState>
        ) : (
          <EmptyState title="No tokens in this case">Import logs or token files: every credential found while reading them is listed here.</EmptyState>
        )}
      </div>
    );
  }
  const current = rows.find((r) => r.t.fp === open);
  return (
    <div className="tokens">
      <TokenInspector />
      <table className="dense sortable" data-testid="token-table">
        <thead>
          <tr>
            {COLS.map((c) => (
              <th key={c} onClick={() => setSort((s) => ({ col: c, desc: s.col === c ? !s.desc : true }))} aria-sort={sort.col === c ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                {c}
                {sort.col === c ? (sort.desc ? ' ▾' : ' ▴') : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.t.fp} data-testid="token-row" className={r.t.fp === open ? 'selected' : ''} onClick={() => setOpen(r.t.fp === open ? null : r.t.fp)}>
              <td>
                <span className={`kind kind-${r.t.kind}`}>{r.t.kind}</span>
              </td>
              <td>{r.t.sub}</td>
              <td>{r.t.iss}</td>
              <td>{r.t.scopes.map((s) => s.raw).join(' ')}</td>
              <td>{r.t.lifetimeS === undefined ? '' : duration(r.t.lifetimeS)}</td>
              <td>{ts(r.first)}</td>
              <td>{ts(r.last)}</td>
              <td>{r.events}</td>
              <td>{r.worst && <span className={`sev sev-${r.worst.severity}`}>{r.worst.severity}</span>} {r.worst?.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {current && (
        <div className="token-panel">
          <button type="button" onClick={() => props.onPivot(`tok:${current.t.fp.slice(0, 16)}`)}>
            Show its events in the timeline
          </button>
          <TokenDetails token={current.t} findings={current.findings} />
        </div>
      )}
    </div>
  );
}
