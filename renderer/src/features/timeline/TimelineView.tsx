/**
 * The case timeline: filters, a brushable histogram, and a virtualized list that fetches only the
 * rows on screen. Any identifier in a row is a pivot: click it to filter to it.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import './timeline.css';
import type { EventKind, TgEvent } from '../../../../src/model/event';
import { timeKnown } from '../../../../src/model/time';
import { TimeHistogram } from './Histogram';
import { EMPTY_FILTER, type Histogram, pivotKeys, type TimelineFilter, type TimelineSource } from './source';

const KINDS: EventKind[] = [
  'token.issue', 'token.refresh', 'token.use', 'token.reject', 'token.exposure', 'auth.login', 'auth.fail', 'job.submit', 'job.route',
  'job.start', 'job.end', 'job.record', 'pilot.start', 'pilot.end', 'payload.start', 'payload.end', 'storage.access', 'transfer',
  'http.request', 'net.map', 'log',
];
const PAGE = 200;
const ROW = 30;
const EXPANDED = 150;
/**
 * Rows per virtual item. The virtualizer builds one measurement per item whenever the row count
 * changes: with items of four rows, a filter that brings back a million rows costs 250k of them,
 * not 1M, while a scroll frame still gains at most a few new rows.
 */
const BLOCK = 4;
/** Identifier chips per row (the id column clips what does not fit; an opened row is the place to read them all). */
const CHIPS = 14;

/** Which entity colour a pivot key gets. */
export function pivotClass(key: string): string {
  const k = key.slice(0, key.indexOf(':'));
  return `ent ent-${{ tok: 'token', jti: 'token', sub: 'identity', user: 'identity', vo: 'vo', job: 'pilot', pilot: 'pilot', payload: 'payload', host: 'host', ip: 'ip', endpoint: 'endpoint' }[k] ?? 'other'}`;
}

export interface TimelineViewProps {
  /** A new source object when the case's events change. */
  source: TimelineSource;
  starred: Set<string>;
  onToggleStar(id: string): void;
  /** Initial pivots (e.g. from the Tokens view). */
  initialPivots?: string[];
}

export function TimelineView(props: TimelineViewProps) {
  const { source } = props;
  const [filter, setFilter] = useState<TimelineFilter>({ ...EMPTY_FILTER, pivots: props.initialPivots ?? [] });
  const [text, setText] = useState('');
  const [count, setCount] = useState(0);
  const [hist, setHist] = useState<Histogram | null>(null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  // Row windows fetched for this source and filter: a new map per filter, so a fetch still in
  // flight for the previous filter lands in the old map and can never show up under the new one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new cache whenever the query changes
  const pages = useMemo(() => new Map<number, TgEvent[]>(), [source, filter]);
  const [, setTick] = useState(0);
  const parentRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const t = setTimeout(() => setFilter((f) => (f.text === text ? f : { ...f, text })), 150);
    return () => clearTimeout(t);
  }, [text]);

  useEffect(() => {
    let live = true;
    Promise.all([source.count(filter), source.histogram(filter, 120)]).then(([c, h]) => {
      if (!live) return;
      setCount(c);
      setHist(h);
      setTick((x) => x + 1);
    });
    return () => {
      live = false;
    };
  }, [source, filter]);

  const rowAt = useCallback(
    (index: number): TgEvent | undefined => {
      const p = Math.floor(index / PAGE);
      const load = (w: number) => {
        if (w < 0 || pages.has(w)) return;
        pages.set(w, []);
        source.rows(filter, w * PAGE, PAGE).then((rows) => {
          pages.set(w, rows);
          setTick((x) => x + 1);
        });
      };
      load(p);
      // Fetch the next (or previous) window before the list reaches it, so fast scrolling shows rows, not placeholders.
      const at = index - p * PAGE;
      if (at > PAGE / 2) {
        load(p + 1);
        load(p + 2);
      } else load(p - 1);
      return pages.get(p)?.[at];
    },
    [source, filter, pages],
  );

  // Fixed row heights (ROW, or EXPANDED for an opened row): measuring rows in the DOM while
  // scrolling forces a layout per row and frame, which cost more than half of each frame here.
  const rowHeight = (i: number) => {
    const e = pages.get(Math.floor(i / PAGE))?.[i % PAGE];
    return e && expanded.has(e.id) ? EXPANDED : ROW;
  };
  const virtualizer = useVirtualizer({
    count: Math.ceil(count / BLOCK),
    getScrollElement: () => parentRef.current,
    // Called for every block when the count changes: no lookups unless a row is open.
    estimateSize: (b) => {
      const first = b * BLOCK;
      const n = Math.min(BLOCK, count - first);
      if (expanded.size === 0) return n * ROW;
      let h = 0;
      for (let i = first; i < first + n; i++) h += rowHeight(i);
      return h;
    },
    // Rows are fetched a window ahead (rowAt), so overscan only adds rows to lay out in each frame.
    overscan: 1,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: sizes change when rows open or close
  useEffect(() => virtualizer.measure(), [expanded, virtualizer]);

  // Stable callbacks, so rows that stay on screen while scrolling are not rendered again.
  const pivot = useCallback((key: string) => setFilter((f) => (f.pivots.includes(key) ? f : { ...f, pivots: [...f.pivots, key] })), []);
  const toggleExpand = useCallback(
    (id: string) =>
      setExpanded((s) => {
        const n = new Set(s);
        if (n.has(id)) n.delete(id);
        else n.add(id);
        return n;
      }),
    [],
  );
  const { onToggleStar } = props;
  const brush = useCallback((from: number, to: number) => setFilter((f) => ({ ...f, from, to })), []);
  const resetBrush = useCallback(() => setFilter((f) => ({ ...f, from: undefined, to: undefined })), []);

  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline-filters">
        <input data-testid="timeline-text" placeholder="Filter text (redacted lines)" value={text} onChange={(e) => setText(e.target.value)} />
        <select
          data-testid="timeline-kind"
          value={filter.kinds[0] ?? ''}
          onChange={(e) => setFilter((f) => ({ ...f, kinds: e.target.value ? [e.target.value as EventKind] : [] }))}
        >
          <option value="">all kinds</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        {filter.pivots.map((p) => (
          <button type="button" key={p} className={`chip ${pivotClass(p)}`} data-testid="timeline-pivot" onClick={() => setFilter((f) => ({ ...f, pivots: f.pivots.filter((x) => x !== p) }))}>
            {p} ✕
          </button>
        ))}
        {(filter.from !== undefined || filter.to !== undefined) && (
          <button type="button" className="chip" onClick={() => setFilter((f) => ({ ...f, from: undefined, to: undefined }))}>
            time range ✕
          </button>
        )}
        <span className="count" data-testid="timeline-count">
          {count.toLocaleString('en')} events
        </span>
      </div>
      <TimeHistogram hist={hist} onBrush={brush} onReset={resetBrush} />
      <div ref={parentRef} className="timeline-list" data-testid="timeline-list">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((vb) => {
            const first = vb.index * BLOCK;
            const rows: number[] = [];
            for (let i = first; i < Math.min(first + BLOCK, count); i++) rows.push(i);
            return (
              <div key={vb.index} data-block={vb.index} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: vb.size, transform: `translateY(${vb.start}px)` }}>
                {rows.map((index) => {
                  const e = rowAt(index);
                  const isOpen = e ? expanded.has(e.id) : false;
                  // Keyed by event: a row that stays on screen keeps its DOM and is not rendered again.
                  return (
                    <div key={e ? e.id : `i${index}`} data-index={index} className={`trow${isOpen ? ' open' : ''}`} style={{ height: isOpen ? EXPANDED : ROW }}>
                      {e ? <Row e={e} open={isOpen} starred={props.starred.has(e.id)} onStar={onToggleStar} onToggle={toggleExpand} onPivot={pivot} /> : <span className="loading">…</span>}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

const Row = memo(function Row(p: { e: TgEvent; open: boolean; starred: boolean; onStar(id: string): void; onToggle(id: string): void; onPivot(k: string): void }) {
  const { e } = p;
  return (
    <div data-testid="timeline-row" data-event-id={e.id}>
      <div className="trow-main">
        <button type="button" className={`star${p.starred ? ' on' : ''}`} aria-label={p.starred ? 'unstar' : 'star'} onClick={() => p.onStar(e.id)}>
          {p.starred ? '★' : '☆'}
        </button>
        <button type="button" className="ttime" onClick={() => p.onToggle(e.id)} title={e.time.assumed ? `assumed: ${e.time.assumed}` : e.time.text}>
          {timeKnown(e.time) ? new Date(e.time.ts).toISOString().slice(0, 23).replace('T', ' ') : 'time unknown'}
        </button>
        <span className={`kind kind-${e.kind.split('.')[0]}`}>{e.kind}</span>
        <span className="tsummary">{e.summary ?? e.text.slice(0, 160)}</span>
        <span className="tids">
          {pivotKeys(e).slice(0, CHIPS).map((k) => (
            <button type="button" key={k} className={`chip ${pivotClass(k)}`} onClick={() => p.onPivot(k)} data-pivot={k}>
              {k.length > 48 ? `${k.slice(0, 46)}…` : k}
            </button>
          ))}
        </span>
      </div>
      {p.open && (
        <div className="trow-detail" data-testid="timeline-detail">
          <pre>{e.text}</pre>
          <div className="evidence-ref">
            {e.src.input}:{e.src.line} · {e.src.parser} · time as written: {e.time.text}
            {e.time.assumed ? ` (assumed ${e.time.assumed})` : ''}
          </div>
        </div>
      )}
    </div>
  );
});
