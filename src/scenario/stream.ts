/**
 * Streams one source's segments in constant memory: fixed incident lines merged in time order with
 * background noise drawn at stratified random times, rendered with the host's (skewed) clock,
 * chunked, and gzipped with fflate (mtime 0, so the bytes never depend on when they were made).
 */
import { Gzip, gzipSync } from 'fflate';
import type { Rng } from './prng';
import { type Line, type Segment, STAMP, type Source } from './sink';

const CHUNK = 256 * 1024;
const enc = new TextEncoder();

/** Uncompressed noise bytes per on-disk byte and mean line length, from a deterministic sample. */
export interface NoiseProfile {
  meanLen: number;
  gzipRatio: number;
}

export function profileNoise(src: Source, rng: Rng): NoiseProfile {
  if (!src.noise) return { meanLen: 100, gzipRatio: 1 };
  let text = '';
  const t0 = src.segments[0]?.from ?? 0;
  let n = 0;
  while (text.length < 64 * 1024) {
    text += `${render(src, { t: t0 + n * 1000, text: src.noise(rng, t0 + n * 1000) })}\n`;
    n++;
  }
  const gz = gzipSync(enc.encode(text), { mtime: 0 });
  return { meanLen: text.length / n, gzipRatio: text.length / gz.length };
}

export function render(src: Source, l: Line): string {
  return l.text.includes(STAMP) ? l.text.split(STAMP).join(src.stamp(l.t)) : l.text;
}

/** Line refs seen while streaming: ref → 1-based line number in `path`. */
export type RefSink = (ref: string, path: string, line: number) => void;

/**
 * Yields the chunks of one segment. `noiseLines` background lines are spread over the segment's
 * time range; incident lines (already sorted) keep their exact times.
 */
export async function* streamSegment(src: Source, seg: Segment, incident: Line[], noiseLines: number, rng: Rng, onRef: RefSink): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  const gz = seg.gzip ? new Gzip({ level: 6, mtime: 0 }, (d) => out.push(d)) : undefined;
  let buf = '';
  let lineNo = 0;
  const emit = (l: Line): void => {
    const text = render(src, l);
    if (l.ref) onRef(l.ref, seg.path, lineNo + 1);
    lineNo += 1 + (text.match(/\n/g)?.length ?? 0);
    buf += `${text}\n`;
  };
  const flush = (final: boolean): void => {
    if (gz) gz.push(enc.encode(buf), final);
    else if (buf) out.push(enc.encode(buf));
    buf = '';
  };
  const step = noiseLines > 0 ? (seg.to - seg.from) / noiseLines : 0;
  let i = 0;
  for (let k = 0; k < noiseLines || i < incident.length; ) {
    const nt = k < noiseLines ? seg.from + Math.floor((k + rng.next()) * step) : Number.POSITIVE_INFINITY;
    while (i < incident.length && (incident[i] as Line).t <= nt) emit(incident[i++] as Line);
    if (k < noiseLines && src.noise) emit({ t: nt, text: src.noise(rng, nt) });
    k++;
    if (buf.length >= CHUNK) {
      flush(false);
      while (out.length) yield out.shift() as Uint8Array;
    }
  }
  flush(true);
  while (out.length) yield out.shift() as Uint8Array;
}
