/** The timeline's data source over a stored case (paged events in IndexedDB). */
import type { TimelineSource } from '../features/timeline/source';
import type { CaseStore } from './case-store';

export function storeSource(store: CaseStore, caseId: string): TimelineSource {
  return {
    count: (f) => store.countEvents(caseId, f),
    rows: (f, offset, limit) => store.queryEvents(caseId, { ...f, offset, limit }),
    histogram: (f, buckets) => store.histogram(caseId, f, buckets),
  };
}
