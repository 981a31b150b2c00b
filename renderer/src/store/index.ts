/** The renderer's case store (Dexie/IndexedDB). One instance per page. */
import { CaseStore } from './case-store';

export type { CaseRow } from './db';
export { CaseStore } from './case-store';
export { storeSource } from './timeline-source';

let shared: CaseStore | undefined;

/** The app's store (created on first use). */
export function caseStore(): CaseStore {
  shared ??= new CaseStore(undefined, { preloadText: true });
  return shared;
}
