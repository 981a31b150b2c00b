/**
 * Report view: choose format, audience profile and TLP, include or exclude findings and starred
 * rows, preview the HTML live, see what will be shared, export. Renders with the same core
 * (src/report) as the CLI, so the preview is the file.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Case } from '../../../../src/model/case';
import { REDACTION_PROFILES, type RedactionProfile } from '../../../../src/model/redaction';
import type { TraceAnswer } from '../../../../src/model/trace';
import { describeSharing, REPORT_FORMATS, type ReportFormat, renderReport, TLP_LEVELS, type Tlp, tlpLabel } from '../../../../src/report/index';
import { TextSelect } from '../controls/TextSelect';

export interface ReportPanelProps {
  /** The case to report on (null: empty state). */
  caseDoc: Case | null;
  answers: TraceAnswer[];
  /** Event ids the analyst starred in the timeline. */
  starred: string[];
  /** Per-case pseudonymisation key (hex), kept with the case. */
  pseudonymKey: string;
  /** Saves a file (desktop: save dialog; web: download). */
  save(name: string, data: string, mime: string): Promise<void>;
  /** Prints HTML to PDF (desktop: printToPDF; web: the browser's print dialog). */
  printPdf(html: string, name: string): Promise<void>;
  /** Fixed generation time for tests; default now. */
  now?: () => string;
}

const PROFILE_HELP: Record<RedactionProfile, string> = {
  csirt: 'full detail for a CSIRT; secrets always redacted',
  vo: 'for a VO security contact: people outside the VO pseudonymised',
  public: 'for publication: everything personal pseudonymised, no raw lines',
};

export function ReportPanel(props: ReportPanelProps) {
  const { caseDoc } = props;
  const [format, setFormat] = useState<ReportFormat>('html');
  const [profile, setProfile] = useState<RedactionProfile>('csirt');
  const [tlp, setTlp] = useState<Tlp>('amber');
  const [vo, setVo] = useState('');
  const [excluded, setExcluded] = useState<string[]>([]);
  const [includeStarred, setIncludeStarred] = useState(true);
  const [preview, setPreview] = useState({ text: '', n: 0 });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const vos = useMemo(() => [...new Set((caseDoc?.events ?? []).map((e) => e.ids.vo).filter((v): v is string => !!v))].sort(), [caseDoc]);
  const generatedAt = useMemo(() => (props.now ?? (() => new Date().toISOString()))(), [props.now]);

  const options = useMemo(
    () => ({
      profile,
      tlp,
      vo: profile === 'vo' ? vo || vos[0] : undefined,
      excludeFindings: excluded,
      starredEvents: includeStarred ? props.starred : [],
      generatedAt,
      pseudonymKey: props.pseudonymKey,
    }),
    [profile, tlp, vo, vos, excluded, includeStarred, props.starred, generatedAt, props.pseudonymKey],
  );

  useEffect(() => {
    if (!caseDoc) return;
    let live = true;
    renderReport(caseDoc, props.answers, { ...options, format: 'html' })
      .then((r) => {
        if (!live) return;
        setPreview((p) => ({ text: r.text, n: p.n + 1 }));
        setError('');
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [caseDoc, props.answers, options]);

  if (!caseDoc) {
    return <p className="empty">No case is open. Open the demo case or import a bundle, then make a report for a VO, a CSIRT or the public.</p>;
  }
  const sharing = describeSharing(profile, options.vo);

  async function exportReport() {
    if (!caseDoc) return;
    setBusy(true);
    try {
      const r = await renderReport(caseDoc, props.answers, { ...options, format });
      const base = `${caseDoc.name.replace(/[^A-Za-z0-9._-]+/g, '_')}-${profile}-${tlp.replace('+', '-')}`;
      if (format === 'pdf') await props.printPdf(r.text, `${base}.pdf`);
      else await props.save(`${base}.${r.extension}`, r.text, r.mime);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="report-panel" data-testid="report-panel">
      <form className="report-options" onSubmit={(e) => e.preventDefault()}>
        <label>
          Format{' '}
          <TextSelect<ReportFormat> testId="report-format" value={format} options={REPORT_FORMATS} onChange={setFormat} />
        </label>
        <label>
          Audience{' '}
          <select data-testid="report-profile" value={profile} onChange={(e) => setProfile(e.target.value as RedactionProfile)}>
            {REDACTION_PROFILES.map((p) => (
              <option key={p} value={p}>
                {p} — {PROFILE_HELP[p]}
              </option>
            ))}
          </select>
        </label>
        {profile === 'vo' && (
          <label>
            VO{' '}
            <TextSelect testId="report-vo" value={vo || vos[0] || ''} options={vos} onChange={setVo} />
          </label>
        )}
        <label>
          TLP{' '}
          <select data-testid="report-tlp" value={tlp} onChange={(e) => setTlp(e.target.value as Tlp)}>
            {TLP_LEVELS.map((t) => (
              <option key={t} value={t}>
                {tlpLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={includeStarred} onChange={(e) => setIncludeStarred(e.target.checked)} /> include {props.starred.length} starred row(s)
        </label>
        <button type="button" data-testid="report-export" disabled={busy} onClick={exportReport}>
          {busy ? 'Exporting…' : `Export ${format.toUpperCase()}`}
        </button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="report-body">
        <aside className="report-side">
          <h3>Findings to include</h3>
          {caseDoc.findings.length === 0 && <p className="empty">No findings in this case.</p>}
          <ul className="plain">
            {caseDoc.findings.map((f) => (
              <li key={f.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={!excluded.includes(f.id)}
                    onChange={(e) => setExcluded((x) => (e.target.checked ? x.filter((id) => id !== f.id) : [...x, f.id]))}
                  />{' '}
                  <span className={`sev sev-${f.severity}`}>{f.severity}</span> {f.title}
                </label>
              </li>
            ))}
          </ul>
          <h3>What will be shared</h3>
          <div data-testid="report-sharing">
            <p>Kept</p>
            <ul>{sharing.kept.map((s) => <li key={s}>{s}</li>)}</ul>
            <p>Pseudonymised</p>
            <ul>{sharing.pseudonymised.length ? sharing.pseudonymised.map((s) => <li key={s}>{s}</li>) : <li>nothing</li>}</ul>
            <p>Dropped</p>
            <ul>{sharing.dropped.map((s) => <li key={s}>{s}</li>)}</ul>
          </div>
        </aside>
        {/* A fresh frame per preview: changing srcdoc of a frame still loading its first document can
            leave it showing the old one (seen in Chromium: the preview stayed blank). */}
        {preview.text ? (
          <iframe key={preview.n} className="report-preview" data-testid="report-preview" title="Report preview" sandbox="" srcDoc={preview.text} />
        ) : (
          <p className="muted report-preview">Rendering the preview…</p>
        )}
      </div>
    </div>
  );
}
