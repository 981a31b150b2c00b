/** The case list: open, create, delete cases; open the demo case. */
import { useState } from 'react';
import type { CaseRow } from '../store';

export interface CaseSidebarProps {
  cases: CaseRow[];
  current: string | null;
  onOpen(id: string): void;
  onNew(): void;
  onDelete(id: string): void;
  /** Null when no demo bundle is in this build. */
  onDemo: (() => void) | null;
  demoBusy: boolean;
}

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function CaseSidebar(p: CaseSidebarProps) {
  const [confirm, setConfirm] = useState<string | null>(null);
  return (
    <aside className="sidebar" data-testid="case-sidebar">
      <h1>tokentrail</h1>
      <button type="button" className="primary" data-testid="new-case" onClick={p.onNew}>
        New case
      </button>
      <button
        type="button"
        data-testid="open-demo"
        disabled={!p.onDemo || p.demoBusy}
        title={p.onDemo ? 'Open the generated demo incident' : 'The demo bundle is not part of this build yet'}
        onClick={() => p.onDemo?.()}
      >
        {p.demoBusy ? 'Loading demo…' : 'Open demo case'}
      </button>
      <h2 className="side-head">Cases</h2>
      {p.cases.length === 0 && <p className="side-empty">No cases yet. Create one and import a bundle, or open the demo case.</p>}
      <ul className="case-list" data-testid="case-list">
        {p.cases.map((c) => (
          <li key={c.id} className={c.id === p.current ? 'case-item current' : 'case-item'} data-testid="case-item" data-case-id={c.id}>
            <button type="button" className="case-open" onClick={() => p.onOpen(c.id)}>
              <span className="case-name">{c.name}</span>
              <span className="case-meta">
                {when(c.createdAt)} · {c.eventCount.toLocaleString('en')} events
              </span>
            </button>
            {confirm === c.id ? (
              <span className="case-confirm">
                <button type="button" className="danger" data-testid="confirm-delete-case" onClick={() => p.onDelete(c.id)}>
                  Delete
                </button>
                <button type="button" onClick={() => setConfirm(null)}>
                  Keep
                </button>
              </span>
            ) : (
              <button type="button" className="case-delete" data-testid="delete-case" title="Delete this case" onClick={() => setConfirm(c.id)}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
