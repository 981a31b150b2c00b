import { describe, expect, it } from 'vitest';
import { buildGraph } from '../correlate/correlate';
import { buildWorld, FP, JTI_ALICE, NAT_IP, SUB_ALICE } from '../correlate/testing/world';
import { DEFAULT_SETTINGS } from '../model/case';
import { buildTimelineIndex, deriveIntervals, filterTimeline, filterTimelineNaive, type TimelineFilter } from './index';

const g = buildGraph(buildWorld().events, buildWorld().tokens, DEFAULT_SETTINGS);
const idx = buildTimelineIndex(g);
const at = (hhmm: string) => Date.parse(`2026-11-23T${hhmm}:00Z`);
const lines = (pos: Uint32Array) => [...pos].map((i) => `${idx.events[i]!.src.input.split('/').pop()}:${idx.events[i]!.src.line}`);

describe('timeline', () => {
  it('orders events by time whatever the input order', () => {
    const g2 = buildGraph([...buildWorld().events].reverse(), buildWorld().tokens, DEFAULT_SETTINGS);
    expect(g2.events.map((e) => e.id)).toEqual(g.events.map((e) => e.id));
    for (let i = 1; i < idx.ts.length; i++) expect(idx.ts[i]!).toBeGreaterThanOrEqual(idx.ts[i - 1]!);
  });

  it('pivots on a token: every line naming it by fingerprint or jti', () => {
    const pos = filterTimeline(idx, { entities: [`token:${FP.alice}`] });
    expect(lines(pos)).toEqual(['iam-login-service.log:2', 'pilotlog.txt:4', 'webdav-se01Domain.access:1', 'webdav-se01Domain.access:3', 'webdav-se01Domain.access:4']);
    // the raw jti resolves to the same token
    expect([...filterTimeline(idx, { entities: [JTI_ALICE] })]).toEqual([...pos]);
  });

  it("pivots on a user name: the subject's lines, its tokens and its payloads", () => {
    const pos = filterTimeline(idx, { entities: ['user:alice'] });
    const texts = [...pos].map((i) => idx.events[i]!);
    expect(texts.some((e) => e.ids.payloadId === '6871234567')).toBe(true);
    expect(texts.some((e) => e.ids.sub === SUB_ALICE && e.src.parser === 'dcache.access')).toBe(true);
    expect(texts.some((e) => e.ids.user === 'bob')).toBe(false);
  });

  it('filters by time range, kind, source, text and severity, combined', () => {
    const f: TimelineFilter = { from: at('13:00'), to: at('14:10'), kinds: ['storage.access'], sources: ['dcache.access'], text: 'PUT' };
    expect(lines(filterTimeline(idx, f))).toEqual(['webdav-se01Domain.access:1', 'webdav-se01Domain.access:3']);
    expect(lines(filterTimeline(idx, { minSeverity: 'high' }))).toEqual(['pilotlog.txt:4']);
    expect(filterTimeline(idx, { entities: [`ip:${NAT_IP}`], to: at('13:20') }).length).toBe(3);
  });

  it('index and full scan agree on a spread of filters', () => {
    const filters: TimelineFilter[] = [
      {}, { entities: ['pilot:pilot-wn042-a'] }, { entities: ['40117.0'] }, { entities: ['wn043.example-site.org'], kinds: ['job.start', 'payload.start'] },
      { from: at('13:05'), to: at('13:30') }, { text: 'finished' }, { entities: [`ip:${NAT_IP}`, 'user:bob'], from: at('13:00') }, { sources: ['panda.pilot'], minSeverity: 'low' },
    ];
    for (const f of filters) expect([...filterTimeline(idx, f)], JSON.stringify(f)).toEqual([...filterTimelineNaive(g, f)]);
  });

  it('a pilot pivot brings its payload lines; a job id resolves to its pilot', () => {
    const pos = filterTimeline(idx, { entities: ['40118.0'] });
    const evs = [...pos].map((i) => idx.events[i]!);
    expect(evs.some((e) => e.kind === 'job.submit' && e.ids.ceJobId === '40117.0')).toBe(true);
    expect(evs.some((e) => e.kind === 'payload.end' && e.ids.payloadId === '6871234567')).toBe(true);
    expect(evs.some((e) => e.ids.payloadId === '6871234999')).toBe(false);
  });

  it('derives pilot, payload and token-validity intervals', () => {
    const iv = deriveIntervals(g);
    const pay = iv.find((x) => x.entity === 'payload:6871234567')!;
    expect([pay.from, pay.to]).toEqual([Date.parse('2026-11-23T13:10:04Z'), Date.parse('2026-11-23T14:30:00Z')]);
    const tok = iv.find((x) => x.entity === `token:${FP.alice}`)!;
    expect(tok.to - tok.from).toBe(7 * 86_400_000);
    expect(iv.filter((x) => x.kind === 'pilot')).toHaveLength(3);
  });
});
