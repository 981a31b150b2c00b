/** The Trace view: the six traceability questions over the open case, and the entity graph. */
import { useEffect, useMemo, useState } from 'react';
import type { Graph } from '../../../../src/correlate/graph';
import type { Case } from '../../../../src/model/case';
import type { TraceQuery } from '../../../../src/model/trace';
import { trace } from '../../../../src/trace/trace';
import type { CaseData } from '../../app/use-case-data';
import { GraphView } from '../../features/graph/GraphView';
import { TraceView } from '../../features/trace/TraceView';
import { EmptyState } from '../EmptyState';
import { caseGraph } from './case-graph';

export function TraceTab(props: { data: CaseData | null; revision: number }) {
  const caseId = props.data?.row.id ?? null;
  const [state, setState] = useState<{ doc: Case; graph: Graph } | null>(null);
  const [error, setError] = useState('');
  const [focus, setFocus] = useState<string | undefined>();
  useEffect(() => {
    if (!caseId) return;
    let live = true;
    setState(null);
    caseGraph(caseId, props.revision)
      .then((s) => live && setState(s))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [caseId, props.revision]);
  const eventsById = useMemo(() => new Map((state?.doc.events ?? []).map((e) => [e.id, e])), [state]);
  if (!props.data) return <EmptyState title="No case is open">Open the demo case or import a bundle, then ask who was behind an IP, a job or a token.</EmptyState>;
  if (error) return <p className="error">Could not load the case: {error}</p>;
  if (!state) return <p className="muted" data-testid="trace-loading">Correlating the case…</p>;
  const run = async (q: TraceQuery) => {
    const answers = trace(q, state.graph);
    const firstToken = answers.flatMap((a) => a.candidates.flatMap((c) => c.tokens))[0];
    if (firstToken) setFocus(state.graph.entities.find((e) => e.kind === 'token' && e.key.startsWith(firstToken.slice(0, 16)))?.id);
    return answers;
  };
  return (
    <div className="trace-tab">
      <TraceView run={run} />
      <h3>Graph{focus ? ` around ${focus.length > 40 ? `${focus.slice(0, 38)}…` : focus}` : ''}</h3>
      <GraphView entities={state.graph.entities} links={state.graph.links} eventsById={eventsById} focus={focus} onFocus={setFocus} />
    </div>
  );
}
