/** The open case's name, size and actions (import, inputs, export). */
import type { CaseRow } from '../store';

export function CaseHeader(props: { row: CaseRow; inputs: number; problems: number; onImport(): void; onInputs(): void; onExport(): void }) {
  const r = props.row;
  return (
    <div className="case-header" data-testid="case-header">
      <h2 data-testid="case-title">{r.name}</h2>
      <span className="muted" data-testid="case-counts">
        {r.eventCount.toLocaleString('en')} events · {props.inputs} inputs · {props.problems} problems
      </span>
      <span className="spacer" />
      <button type="button" data-testid="open-import" onClick={props.onImport}>
        Import…
      </button>
      <button type="button" data-testid="open-inputs" onClick={props.onInputs}>
        Inputs
      </button>
      <button type="button" data-testid="export-case" onClick={props.onExport}>
        Export case JSON
      </button>
    </div>
  );
}
