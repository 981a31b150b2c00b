/**
 * One token, decoded and judged: kind, claims (UTC and local times), scopes as actions × paths,
 * audience, lifetime against the policy lines, findings, and the redacted form. Shows only what
 * `TokenInfo` holds, which never includes a signature or secret.
 */
import type { Finding, TokenInfo } from '../../../../src/model';
import { duration, local, relative, utc } from './time-format';

const POLICY_LINES = [
  { s: 6 * 3600, label: '6 h (access token, WLCG profile)' },
  { s: 24 * 3600, label: '24 h' },
  { s: 7 * 86400, label: '7 d (maximum)' },
];
const TIME_CLAIMS = ['iat', 'nbf', 'exp', 'auth_time'];

function LifetimeBar({ lifetimeS }: { lifetimeS: number }) {
  const max = Math.max(lifetimeS, 7 * 86400) * 1.1;
  const pct = (s: number) => `${Math.min(100, (s / max) * 100)}%`;
  const over = lifetimeS > 7 * 86400 ? 'over' : lifetimeS > 6 * 3600 ? 'long' : 'ok';
  return (
    <div className="lifetime" data-testid="token-lifetime" title={`lifetime ${duration(lifetimeS)}`}>
      <div className={`lifetime-fill ${over}`} style={{ width: pct(lifetimeS) }} />
      {POLICY_LINES.map((l) => (
        <div key={l.s} className="lifetime-line" style={{ left: pct(l.s) }} title={l.label}>
          <span>{l.label.split(' ')[0]} {l.label.split(' ')[1]}</span>
        </div>
      ))}
    </div>
  );
}

function ClaimValue({ name, value, nowS }: { name: string; value: unknown; nowS: number }) {
  if (TIME_CLAIMS.includes(name) && typeof value === 'number') {
    return (
      <>
        <code>{value}</code> · {utc(value)} · <span className="muted">{local(value)}</span> ·{' '}
        <b>{relative(name === 'exp' ? 'exp' : name === 'nbf' ? 'nbf' : 'iat', value, nowS)}</b>
      </>
    );
  }
  return <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>;
}

export function TokenDetails(props: { token: TokenInfo; findings: Finding[]; nowS?: number }) {
  const t = props.token;
  const nowS = props.nowS ?? Math.floor(Date.now() / 1000);
  const byAction = new Map<string, string[]>();
  for (const s of t.scopes) byAction.set(s.action, [...(byAction.get(s.action) ?? []), s.path ?? '—']);
  return (
    <div className="token-details" data-testid="token-details">
      <div className="token-head">
        <span className={`kind kind-${t.kind}`} data-testid="token-kind">
          {t.kind}
        </span>
        <code className="fp">{t.fp.slice(0, 16)}</code>
        {t.lifetimeS !== undefined && <span className="muted">lifetime {duration(t.lifetimeS)}</span>}
        {t.malformed && <span className="error">malformed: {t.malformed}</span>}
      </div>
      {t.lifetimeS !== undefined && <LifetimeBar lifetimeS={t.lifetimeS} />}
      {props.findings.length > 0 && (
        <ul className="token-findings" data-testid="token-findings">
          {props.findings.map((f) => (
            <li key={f.id}>
              <span className={`sev sev-${f.severity}`}>{f.severity}</span> <b>{f.title}</b>
              <div className="muted">{f.explanation}</div>
            </li>
          ))}
        </ul>
      )}
      <div className="token-grid">
        <section>
          <h4>Scopes</h4>
          {byAction.size === 0 ? (
            <p className="muted">none</p>
          ) : (
            <table className="dense">
              <tbody>
                {[...byAction].map(([a, paths]) => (
                  <tr key={a}>
                    <th>{a}</th>
                    <td>{paths.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h4>Audience</h4>
          <p>{t.aud.length ? t.aud.join(', ') : <span className="muted">none</span>}</p>
          {t.groups.length > 0 && (
            <>
              <h4>Groups</h4>
              <p>{t.groups.join(', ')}</p>
            </>
          )}
        </section>
        <section>
          <h4>Claims</h4>
          <table className="dense claims" data-testid="token-claims">
            <tbody>
              {Object.entries(t.claims ?? {}).map(([k, v]) => (
                <tr key={k}>
                  <th>{k}</th>
                  <td>
                    <ClaimValue name={k} value={v} nowS={nowS} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>Header</h4>
          <table className="dense">
            <tbody>
              {Object.entries(t.header ?? {}).map(([k, v]) => (
                <tr key={k}>
                  <th>{k}</th>
                  <td>
                    <code>{typeof v === 'string' ? v : JSON.stringify(v)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <h4>Redacted form</h4>
      <div className="redacted">
        <code data-testid="token-redacted">{t.redacted}</code>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(t.redacted)}>
          Copy
        </button>
      </div>
    </div>
  );
}
