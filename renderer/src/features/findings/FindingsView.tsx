/** Findings by severity, each with its explanation, evidence lines and containment steps. */
import { useMemo, useState } from 'react';
import type { Finding } from '../../../../src/model/finding';
import { EvidenceList } from '../evidence/EvidenceList';
import { SEVERITIES, type Severity, severityRank } from '../../../../src/model/severity';
import { TextSelect } from '../controls/TextSelect';

export function FindingsView(props: { findings: Finding[]; onPivot?(entityId: string): void }) {
  const [min, setMin] = useState<Severity>('info');
  const list = useMemo(
    () =>
      props.findings
        .filter((f) => severityRank(f.severity) >= severityRank(min))
        .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.id < b.id ? -1 : 1)),
    [props.findings, min],
  );
  const counts = SEVERITIES.map((s) => [s, props.findings.filter((f) => f.severity === s).length] as const).reverse();
  if (!props.findings.length) return <p className="empty">No findings in this case: no policy breach or misuse was found in the evidence.</p>;
  return (
    <div className="findings" data-testid="findings">
      <div className="findings-bar">
        {counts.map(([s, n]) => (
          <span key={s} className={`sev sev-${s}`}>
            {s}: {n}
          </span>
        ))}
        <label>
          show from{' '}
          <TextSelect<Severity> value={min} options={SEVERITIES} onChange={setMin} />
        </label>
      </div>
      {list.map((f) => (
        <article key={f.id} className="finding-card" data-testid="finding" data-rule={f.rule}>
          <h3>
            <span className={`sev sev-${f.severity}`}>{f.severity}</span> {f.title}
          </h3>
          <p>{f.explanation}</p>
          {f.source && <p className="source">Source: {f.source}</p>}
          <div className="entities">
            {f.entities.map((id) => (
              <button type="button" key={id} className={`chip ent ent-${id.split(':')[0]}`} onClick={() => props.onPivot?.(id)}>
                {id.length > 60 ? `${id.slice(0, 58)}…` : id}
              </button>
            ))}
          </div>
          <details open>
            <summary>Evidence ({f.evidence.length})</summary>
            <EvidenceList items={f.evidence} />
          </details>
          <div className="containment">
            <strong>Containment</strong>
            <ol>
              {f.containment.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ol>
          </div>
        </article>
      ))}
    </div>
  );
}
