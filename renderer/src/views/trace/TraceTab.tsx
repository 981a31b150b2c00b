/**
 * The Trace view: the six traceability questions over the open case, answered in a worker, and
 * on request the entity graph around the token the last answer names.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Graph } from '../../../../src/correlate/graph';
import type { Case } from '../../../../src/model/case';
import type { TraceQuery } from '../../../../src/model/trace';
import type { CaseData } from '../../app/use-case-data';
import { GraphView } from '../../features/graph/GraphView';
import { TraceView } from '../../features/trace/TraceView';
import { EmptyState } from '../EmptyState';
import { caseGraph } from './case-graph';
import { askTrace } from './trace-client';

export function TraceTab(props: { data: CaseData | null; revision: number }) {
  const { data } = props;
  const caseId = data?.row.id ?? null;
  const [showGraph, setShowGraph] = useState(false);
  const [state, setState] = useState<{ doc: Case; graph: Graph } | null>(null);
  const [focusToken, setFocusToken] = useState<string | undefined>();
  const [focus, setFocus] = useState<string | undefined>();
  useEffect(() => {
    if (!caseId || !showGraph) return;
    let live = true;
    // The graph is built on this thread from the stored case: only on request (large cases take a while).
    caseGraph(caseId, props.revision).then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [caseId, props.revision, showGraph]);
  useEffect(() => {
    if (state && focusToken) setFocus(state.graph.entities.find((e) => e.kind === 'token' && e.key.startsWith(focusToken.slice(0, 16)))?.id);
  }, [state, focusToken]);
  const eventsById = useMemo(() => new Map((state?.doc.events ?? []).map((e) => [e.id, e])), [state]);
  if (!data || !caseId || data.row.eventCount === 0) {
    return (
      <EmptyState title={data ? 'This case has no events yet' : 'No case is open'}>
        Here you ask the site questions (S1–S3: which VO and job was behind an IP at a time; which IPs a VO used) and the VO questions (V1–V3:
        which user and payload; which pilots ran a user's payloads), each answered with its evidence lines.{' '}
        {data ? 'Import a bundle first.' : 'Open the demo case or import a bundle first.'}
      </EmptyState>
    );
  }
  const run = async (q: TraceQuery) => {
    const answers = await askTrace(caseId, props.revision, q);
    setFocusToken(answers.flatMap((a) => a.candidates.flatMap((c) => c.tokens))[0]);
    return answers;
  };
  return (
    <div className="trace-tab">
      <TraceView key={caseId} run={run} />
      <h3>
        Graph{focus ? ` around ${focus.length > 40 ? `${focus.slice(0, 38)}…` : focus}` : ''}{' '}
        <button type="button" data-testid="trace-show-graph" onClick={() => setShowGraph((s) => !s)}>
          {showGraph ? 'Hide graph' : 'Show graph'}
        </button>
      </h3>
      {showGraph && !state && <p className="muted">Correlating the case…</p>}
      {showGraph && state && <GraphView entities={state.graph.entities} links={state.graph.links} eventsById={eventsById} focus={focus} onFocus={setFocus} />}
    </div>
  );
}
