import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/model';
import { type CaseRow, SCHEMA_V1, TokentrailDb } from './db';

it('upgrades a v1 database to v2: starred ids move from the case row to the stars table', async () => {
  const name = 'upgrade-test';
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  const row: CaseRow = {
    id: 'c1',
    name: 'old case',
    createdAt: '2026-03-14T09:00:00.000Z',
    settings: DEFAULT_SETTINGS,
    profile: 'csirt',
    redaction: {},
    tool: { name: 'tokentrail', version: '0.1.0' },
    eventCount: 0,
    sorted: true,
    pages: [],
    starred: ['ev-2', 'ev-1'],
  };
  await v1.table('cases').bulkAdd([row, { ...row, id: 'c2', name: 'no stars', starred: undefined }]);
  await v1.table('findings').add({ caseId: 'c1', id: 'policy.lifetime.max7d:x', severity: 'high' });
  v1.close();

  const v2 = new TokentrailDb(name);
  await v2.open();
  expect(v2.verno).toBe(3);
  expect((await v2.stars.where('caseId').equals('c1').toArray()).map((s) => s.eventId).sort()).toEqual(['ev-1', 'ev-2']);
  expect(await v2.stars.where('caseId').equals('c2').count()).toBe(0);
  const c1 = await v2.cases.get('c1');
  expect(c1?.name).toBe('old case');
  expect(c1 && 'starred' in c1).toBe(false);
  expect(await v2.findings.count()).toBe(1);
  await v2.delete();
});
