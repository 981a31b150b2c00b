/** The Findings view: policy and misuse findings of the open case. */
import type { CaseData } from '../../app/use-case-data';
import { FindingsView } from '../../features/findings/FindingsView';
import { EmptyState } from '../EmptyState';

export function FindingsTab(props: { data: CaseData | null; onPivot(entityId: string): void }) {
  const { data } = props;
  if (!data) {
    return (
      <EmptyState title="No case is open">
        Findings (stolen-token use, over-long lifetimes, over-broad scopes or audiences, tokens leaked into logs) appear here with their evidence.
        Open the demo case or import a bundle.
      </EmptyState>
    );
  }
  if (!data.findings.length) {
    return (
      <EmptyState title="No findings in this case">
        {data.row.eventCount === 0
          ? 'Import a bundle first: findings are made from its tokens and events.'
          : 'Nothing in this case breaks a policy rule or looks like misuse, or the case has not been analysed yet (correlation and rules run after import).'}
      </EmptyState>
    );
  }
  return <FindingsView findings={data.findings} onPivot={props.onPivot} />;
}
