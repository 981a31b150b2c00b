/**
 * The bundle being assembled: every log file as a *source* with its fixed incident lines and an
 * optional background-noise generator, split over rotated segments (`SchedLog.old`,
 * `xrootd.log.1`, `.2.gz`). Lines keep a `\u0000` placeholder where the writing host's timestamp
 * goes, so time formatting and clock skew are applied once, when the file is streamed.
 */
import type { Rng } from './prng';
import type { Host } from './world';

export const STAMP = '\u0000';

export interface Line {
  /** True UTC ms of the event. */
  t: number;
  /** The line (or several, joined by \n), with STAMP where the timestamp goes. */
  text: string;
  /** Marks a line whose file + line number the answer key cites (single-line texts only). */
  ref?: string;
}

/** Produces one background line (or block) for time t. */
export type NoiseFn = (rng: Rng, t: number) => string;

export interface Segment {
  path: string;
  from: number;
  to: number;
  gzip?: boolean;
}

export interface Source {
  id: string;
  host?: Host;
  segments: Segment[];
  /** Formats a (skewed) UTC ms in the source's own convention. */
  stamp: (t: number) => string;
  noise?: NoiseFn;
  /** Share of the noise budget. */
  weight: number;
  lines: Line[];
}

export interface StaticFile {
  path: string;
  text: string;
  /** Answer-key refs to lines of this file: [ref, 1-based line]. */
  refs?: Array<[string, number]>;
}

/** Collects sources and static files; scenarios and the backbone add lines by source id. */
export class Bundle {
  readonly sources = new Map<string, Source>();
  readonly statics: StaticFile[] = [];

  define(s: Omit<Source, 'lines'>): Source {
    const src: Source = { ...s, lines: [] };
    this.sources.set(s.id, src);
    return src;
  }

  add(id: string, t: number, text: string, ref?: string): void {
    const s = this.sources.get(id);
    if (!s) throw new Error(`unknown source ${id}`);
    s.lines.push(ref ? { t, text, ref } : { t, text });
  }

  static(path: string, text: string, refs?: Array<[string, number]>): void {
    this.statics.push(refs ? { path, text, refs } : { path, text });
  }

  /** Bundle path of the segment holding time t in source id (for answers' evidence). */
  pathAt(id: string, t: number): string {
    const s = this.sources.get(id);
    if (!s) throw new Error(`unknown source ${id}`);
    const seg = s.segments.find((g) => t >= g.from && t < g.to) ?? s.segments[s.segments.length - 1];
    return seg?.path ?? '';
  }
}
