/** Time histogram of the filtered events; drag across it to zoom the time range. */
import { memo, useRef, useState } from 'react';
import type { Histogram } from './source';

/** Memoised: the timeline re-renders on every scroll frame, the histogram only when its data changes. */
export const TimeHistogram = memo(function TimeHistogram(props: { hist: Histogram | null; onBrush(from: number, to: number): void; onReset(): void }) {
  const { hist } = props;
  const ref = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ x0: number; x1: number } | null>(null);
  if (!hist || hist.counts.length === 0) return <div className="histogram empty">no events in range</div>;
  const max = Math.max(1, ...hist.counts);
  const n = hist.counts.length;
  const fraction = (clientX: number) => {
    const r = ref.current!.getBoundingClientRect();
    return Math.min(1, Math.max(0, (clientX - r.left) / r.width));
  };
  const span = hist.to - hist.from;
  return (
    <div className="histogram" data-testid="timeline-histogram">
      <svg
        ref={ref}
        viewBox={`0 0 ${n} 100`}
        preserveAspectRatio="none"
        role="img"
        aria-label="events over time; drag to zoom, double-click to reset"
        onMouseDown={(e) => setDrag({ x0: fraction(e.clientX), x1: fraction(e.clientX) })}
        onMouseMove={(e) => drag && setDrag({ ...drag, x1: fraction(e.clientX) })}
        onMouseUp={() => {
          if (drag && Math.abs(drag.x1 - drag.x0) > 0.005 && span > 0) {
            const a = Math.min(drag.x0, drag.x1);
            const b = Math.max(drag.x0, drag.x1);
            props.onBrush(Math.floor(hist.from + a * span), Math.ceil(hist.from + b * span));
          }
          setDrag(null);
        }}
        onDoubleClick={props.onReset}
      >
        {hist.counts.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: buckets are positional
          <rect key={i} x={i + 0.1} width={0.8} y={100 - (c / max) * 100} height={(c / max) * 100} className="hist-bar" />
        ))}
        {drag && <rect x={Math.min(drag.x0, drag.x1) * n} width={Math.abs(drag.x1 - drag.x0) * n} y={0} height={100} className="brush" />}
      </svg>
      <div className="histogram-axis">
        <span>{new Date(hist.from).toISOString().replace('.000Z', 'Z')}</span>
        <span>{new Date(hist.to).toISOString().replace('.000Z', 'Z')}</span>
      </div>
    </div>
  );
});
