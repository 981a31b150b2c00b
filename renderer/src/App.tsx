import { useState } from 'react';

const VIEWS = ['Timeline', 'Tokens', 'Trace', 'Findings', 'Report', 'Training'] as const;
type ViewName = (typeof VIEWS)[number];

const EMPTY: Record<ViewName, string> = {
  Timeline: 'No case is open. Open the demo case or import a bundle to see its merged timeline.',
  Tokens: 'No tokens yet. Tokens found in a case are listed here, decoded and judged against policy.',
  Trace: 'No case is open. Traceability questions (S1–S3, V1–V3) are answered over a case.',
  Findings: 'No findings yet. Findings appear once a case has been analysed.',
  Report: 'No case is open. Reports are made from a case.',
  Training: 'Training exercises are not available yet.',
};

/** The application shell: case sidebar and the six views. */
export function App() {
  const [view, setView] = useState<ViewName>('Timeline');
  return (
    <div className="app">
      <aside className="sidebar" data-testid="case-sidebar">
        <h1>tokentrail</h1>
        <button type="button" disabled>
          New case
        </button>
        <button type="button" disabled>
          Open demo case
        </button>
        <p>No cases yet.</p>
      </aside>
      <main className="main">
        <div className="tabs" role="tablist">
          {VIEWS.map((v) => (
            <button key={v} type="button" role="tab" aria-selected={v === view} data-testid={`tab-${v.toLowerCase()}`} onClick={() => setView(v)}>
              {v}
            </button>
          ))}
        </div>
        <section className="view" data-testid={`view-${view.toLowerCase()}`}>
          <h2>{view}</h2>
          <p className="empty">{EMPTY[view]}</p>
        </section>
      </main>
    </div>
  );
}
