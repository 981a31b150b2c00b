/** The inputs of a case with their chain-of-custody facts and problems. */
import type { InputRecord, Problem } from '../../../../src/model';
import { ZONES } from './zones';
import { TextSelect } from '../../features/controls/TextSelect';


export interface InputsPanelProps {
  inputs: InputRecord[];
  problems: Problem[];
  onClose(): void;
  /** Set when the input's file is still at hand: read it again assuming another zone. */
  canReparse(path: string): boolean;
  onReparse(path: string, tz: string): void;
}

function TzCell(props: { input: InputRecord; p: InputsPanelProps }) {
  const { input, p } = props;
  // A skipped input (binary, encrypted, unsupported) holds no times to read in any zone.
  if (input.parser === 'skipped') return <span className="muted">—</span>;
  // Archive members are re-read through their top-level archive.
  const top = input.path.split('!')[0]!;
  if (!p.canReparse(top)) return <span title="Pick the file again to read it with another zone">{input.tz}</span>;
  return (
    <TextSelect testId="input-tz" value={input.tz} options={[...new Set([input.tz, ...ZONES])]} onChange={(z) => p.onReparse(top, z)} title="Read this input again assuming this zone for zone-less times" />
  );
}

export function InputsPanel(props: InputsPanelProps) {
  const byInput = new Map<string, Problem[]>();
  for (const p of props.problems) byInput.set(p.input, [...(byInput.get(p.input) ?? []), p]);
  return (
    <section className="inputs-panel" data-testid="inputs-panel">
      <header>
        <h3>Inputs</h3>
        <button type="button" className="close" onClick={props.onClose} title="Close">
          ×
        </button>
      </header>
      {props.inputs.length === 0 ? (
        <p className="muted">No inputs yet.</p>
      ) : (
        <table className="dense" data-testid="inputs-table">
          <thead>
            <tr>
              <th>input</th>
              <th>size</th>
              <th>SHA-256</th>
              <th>parser</th>
              <th>events</th>
              <th>problems</th>
              <th>assumed timezone</th>
            </tr>
          </thead>
          <tbody>
            {props.inputs.map((i) => (
              <tr key={i.path} data-testid="input-row">
                <td className="path">{i.path}</td>
                <td>{i.size.toLocaleString('en')}</td>
                <td>
                  <code title={i.sha256}>{i.sha256.slice(0, 16)}…</code>
                </td>
                <td>
                  {i.parser}
                  {i.encoding ? <span className="muted" title="Transcoded to UTF-8 before reading; size and SHA-256 are of the original bytes"> ({i.encoding.toUpperCase()})</span> : null}
                </td>
                <td>{i.events.toLocaleString('en')}</td>
                <td>
                  {(byInput.get(i.path) ?? []).length > 0 ? (
                    <details>
                      <summary>{i.problems}</summary>
                      <ul>
                        {(byInput.get(i.path) ?? []).map((p, k) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id
                          <li key={k}>
                            {p.line ? `line ${p.line}: ` : ''}
                            {p.message} <span className="muted">({p.code})</span>
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : (
                    i.problems
                  )}
                </td>
                <td>
                  <TzCell input={i} p={props} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
