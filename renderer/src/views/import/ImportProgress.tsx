/** Progress of an import, one row per input: bytes, events/s, ETA, problems with file:line. */
import type { IngestItem } from './ingest-runner';
import { itemRate } from './progress-items';

const mb = (b: number) => `${(b / 1e6).toFixed(b < 1e7 ? 1 : 0)} MB`;

export function ImportProgress(props: { items: IngestItem[]; onCancel: (() => void) | null; now?: number }) {
  const now = props.now ?? Date.now();
  return (
    <div className="import-progress" data-testid="import-progress">
      {props.onCancel && (
        <button type="button" className="danger" data-testid="import-cancel" onClick={props.onCancel}>
          Cancel import
        </button>
      )}
      <table className="dense import-table">
        <tbody>
          {props.items.map((i) => {
            const r = itemRate(i, now);
            const pct = i.size ? Math.min(100, (i.bytesRead / i.size) * 100) : i.status === 'done' ? 100 : 0;
            return (
              <tr key={i.path} data-testid="import-item" data-status={i.status}>
                <td className="path">{i.path}</td>
                <td className="bar-cell">
                  <div className="bar">
                    <div className={`bar-fill ${i.status}`} style={{ width: `${pct}%` }} />
                  </div>
                </td>
                <td>
                  {mb(i.bytesRead)} / {mb(i.size)}
                </td>
                <td>{i.events.toLocaleString('en')} events</td>
                <td>{Math.round(r.eps).toLocaleString('en')} ev/s</td>
                <td>{r.eta !== undefined ? `ETA ${Math.ceil(r.eta)} s` : i.status}</td>
                <td>
                  {i.problems.length > 0 && (
                    <details>
                      <summary>{i.problems.length} problem(s)</summary>
                      <ul>
                        {i.problems.map((p, k) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id
                          <li key={k}>
                            {p.input}
                            {p.line ? `:${p.line}` : ''} — {p.message}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                  {i.message && <span className="error">{i.message}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
