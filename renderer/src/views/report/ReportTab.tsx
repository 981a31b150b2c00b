/** The Report view: the report panel over the open case's document. */
import { useEffect, useState } from 'react';
import type { Case, TraceAnswer } from '../../../../src/model';
import { defaultAnswers } from '../../../../src/report/default-answers';
import type { CaseData } from '../../app/use-case-data';
import { ReportPanel } from '../../features/report/ReportPanel';
import { download, platform } from '../../platform';
import { caseStore } from '../../store';
import { EmptyState } from '../EmptyState';

const answersCache = new WeakMap<Case, TraceAnswer[]>();
/** Traceability answers the report cites (token stories, S1/V1 for attacker IPs), once per document. */
function defaultAnswersCached(doc: Case): TraceAnswer[] {
  let a = answersCache.get(doc);
  if (!a) {
    a = defaultAnswers(doc);
    answersCache.set(doc, a);
  }
  return a;
}

export function ReportTab(props: { data: CaseData | null; revision: number }) {
  const caseId = props.data?.row.id;
  const [doc, setDoc] = useState<Case | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is the refetch trigger
  useEffect(() => {
    setDoc(null);
    if (!caseId) return;
    let live = true;
    caseStore()
      .exportCaseJson(caseId)
      .then((d) => live && setDoc(d));
    return () => {
      live = false;
    };
  }, [caseId, props.revision]);
  if (!props.data) {
    return (
      <EmptyState title="No case is open">
        Reports for a CSIRT, a VO or the public (HTML, PDF, Markdown, JSON, CSV, Timesketch, STIX, MISP) are made from a case. Open the demo case or
        import a bundle.
      </EmptyState>
    );
  }
  if (!doc) return <p className="muted">Preparing the case document…</p>;
  const answers = defaultAnswersCached(doc);
  return (
    <ReportPanel
      caseDoc={doc}
      answers={answers}
      starred={props.data.stars}
      pseudonymKey={props.data.row.pseudonymKey ?? ''}
      save={async (name, data, mime) => {
        if (window.tokentrail) await window.tokentrail.saveFile({ suggestedName: name, data });
        else download(name, data, mime);
      }}
      printPdf={async (html, name) => {
        await platform().printToPdf({ html, suggestedName: name });
      }}
    />
  );
}
