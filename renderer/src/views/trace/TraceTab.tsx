/** The Trace view: the six traceability questions over the open case. */
import type { CaseData } from '../../app/use-case-data';
import { EmptyState } from '../EmptyState';

export function TraceTab(props: { data: CaseData | null }) {
  return (
    <EmptyState title={props.data ? 'Traceability questions are not available in this build yet' : 'No case is open'}>
      Here you will ask the site questions (S1–S3: which VO and job was behind an IP at a time; which IPs a VO used) and the VO questions (V1–V3:
      which user and payload; which pilots ran a user's payloads), each answered with its evidence lines.{' '}
      {props.data ? 'They are answered once the correlation engine is part of the app.' : 'Open the demo case or import a bundle first.'}
    </EmptyState>
  );
}
