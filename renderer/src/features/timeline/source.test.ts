import { describe, expect, it } from 'vitest';
import type { TgEvent } from '../../../../src/model/event';
import { hasPivot, pivotKeys } from './source';

const e: TgEvent = {
  id: 'e1.1',
  time: { ts: 1, text: 't' },
  src: { input: 'x', line: 1, parser: 'p' },
  kind: 'storage.access',
  ids: { ip: '203.0.113.7', host: 'se01.example-site.org', workerNode: 'wn042.example-site.org', user: 'alice', sub: 's', jti: 'j', vo: 'atlas', ceJobId: '1.0', globalJobId: 'g#1', pilotId: 'p', payloadId: 'pl', endpoint: '/a', tokenFps: ['ab'.repeat(32)] },
  text: '',
};

describe('timeline pivots', () => {
  it('hasPivot agrees with pivotKeys for every key of an event, and rejects others', () => {
    const keys = pivotKeys(e);
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) expect(hasPivot(e, k), k).toBe(true);
    for (const k of ['ip:203.0.113.8', 'user:bob', 'job:2.0', 'tok:cd', 'host:other', 'nope:x']) expect(hasPivot(e, k), k).toBe(false);
  });
});
