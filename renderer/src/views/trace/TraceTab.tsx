/** The Trace view: the six traceability questions over the open case, answered in a worker. */
import type { CaseData } from '../../app/use-case-data';
import { TraceView } from '../../features/trace/TraceView';
import { EmptyState } from '../EmptyState';
import { askTrace } from './trace-client';

export function TraceTab(props: { data: CaseData | null; revision: number }) {
  const { data } = props;
  if (!data || data.row.eventCount === 0) {
    return (
      <EmptyState title={data ? 'This case has no events yet' : 'No case is open'}>
        Here you ask the site questions (S1–S3: which VO and job was behind an IP at a time; which IPs a VO used) and the VO questions (V1–V3:
        which user and payload; which pilots ran a user's payloads), each answered with its evidence lines.{' '}
        {data ? 'Import a bundle first.' : 'Open the demo case or import a bundle first.'}
      </EmptyState>
    );
  }
  const caseId = data.row.id;
  return <TraceView key={caseId} run={(q) => askTrace(caseId, props.revision, q)} />;
}
