/** The Timeline view of the open case: the timeline feature over the case's stored pages. */
import { useMemo } from 'react';
import type { CaseData } from '../../app/use-case-data';
import { TimelineView } from '../../features/timeline/TimelineView';
import { caseStore, storeSource } from '../../store';
import { EmptyState } from '../EmptyState';

export function TimelineTab(props: { data: CaseData | null; revision: number; onToggleStar(id: string): void; pivots?: string[] }) {
  const { data } = props;
  const caseId = data?.row.id;
  // A new source per revision so the view refetches after an import.
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is the refetch trigger
  const source = useMemo(() => (caseId ? storeSource(caseStore(), caseId) : null), [caseId, props.revision]);
  const starred = useMemo(() => new Set(data?.stars ?? []), [data?.stars]);
  if (!data || !source) {
    return (
      <EmptyState title="No case is open">
        The timeline merges every input of a case into one time-ordered list, with identifiers to pivot on. Create a case and import a bundle, or
        open the demo case.
      </EmptyState>
    );
  }
  if (data.row.eventCount === 0) {
    return (
      <EmptyState title="This case has no events yet">
        Import log files, folders or archives (Import… above): their events appear here in time order as they are read.
      </EmptyState>
    );
  }
  return <TimelineView key={`${caseId}:${props.pivots?.join(',') ?? ''}`} source={source} starred={starred} onToggleStar={props.onToggleStar} initialPivots={props.pivots} />;
}
