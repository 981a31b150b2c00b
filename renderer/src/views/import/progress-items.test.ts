import { describe, expect, it } from 'vitest';
import type { IngestJobProgress } from '../../workers/ingest-job';
import type { IngestItem } from './ingest-runner';
import { itemRate, itemsAfterProgress, type ProgressState } from './progress-items';

const item = (path: string, size: number): IngestItem => ({ path, size, bytesRead: 0, events: 0, status: 'queued', problems: [] });
const report = (input: string, bytesRead: number, events: number, phase: IngestJobProgress['phase'] = 'reading'): IngestJobProgress => ({ input, bytesRead, bytesTotal: 3_100_000, events, inputsDone: 0, phase });

describe('import progress rows', () => {
  it('times each input over its own reading, not over the case analysis after it', () => {
    const T = 1_000_000;
    let items = [item('small.log', 100_000), item('big.log', 3_000_000)];
    const st: ProgressState = { offsets: new Map([['small.log', 0], ['big.log', 100_000]]), lastEvents: 0, lastAt: T };
    // small.log is read whole between the start and the first report, which finds big.log under way.
    items = itemsAfterProgress(items, report('big.log', 1_100_000, 10_000), st, T + 1000);
    expect(items.map((i) => i.status)).toEqual(['done', 'reading']);
    expect(items[0]!.startedAt).toBe(T);
    expect(items[0]!.endedAt).toBe(T + 1000);
    expect(itemRate(items[1]!, T + 1000).eta).toBeCloseTo(2, 5);
    items = itemsAfterProgress(items, report('big.log', 3_100_000, 40_000), st, T + 3000);
    // Then the case is correlated for ten seconds: that time belongs to no input.
    items = itemsAfterProgress(items, report('', 3_100_000, 40_000, 'analysing'), st, T + 3500);
    const bigEnd = items[1]!.endedAt;
    items = itemsAfterProgress(items, report('', 3_100_000, 40_000, 'analysing'), st, T + 13_500);
    expect(items.map((i) => i.status)).toEqual(['analysing', 'analysing']);
    expect(items[1]!.endedAt).toBe(bigEnd);
    expect(items[1]!.events).toBe(40_000);
    // big.log: 40,000 events read from T (first seen under way at the first report's predecessor) to T + 3.5 s.
    expect(itemRate(items[1]!, T + 20_000).eps).toBeCloseTo(40_000 / 3.5, 0);
    expect(itemRate(items[1]!, T + 20_000).eta).toBeUndefined();
  });

  it('leaves queued inputs untimed', () => {
    const st: ProgressState = { offsets: new Map([['a', 0], ['b', 10]]), lastEvents: 0, lastAt: 0 };
    const items = itemsAfterProgress([item('a', 10), item('b', 10)], report('a', 5, 1), st, 100);
    expect(items[1]!.status).toBe('queued');
    expect(items[1]!.startedAt).toBeUndefined();
    expect(itemRate(items[1]!, 200).eps).toBe(0);
  });
});
