/** Evidence lines as findings and trace answers show them: `input:line`, then the redacted line. */
import type { Evidence } from '../../../../src/model/finding';

export function EvidenceList(props: { items: Evidence[] }) {
  return (
    <ul className="evidence">
      {props.items.map((ev) => (
        <li key={`${ev.input}:${ev.line}:${ev.eventId ?? ''}`}>
          <span className="src">
            {ev.input}:{ev.line}
          </span>
          <pre>{ev.text}</pre>
        </li>
      ))}
    </ul>
  );
}
