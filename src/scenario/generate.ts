/**
 * `generateScenario`: the generator's one entry point, Web-standard only, writing nothing itself.
 * It yields the bundle's files one at a time as byte chunks (the CLI pipes them to disk, a Worker
 * builds File objects), then `answers.json` last (role `answers`: keep it outside the analysed
 * tree). Same name + seed + size + difficulty → identical bytes.
 */
import { ANSWERS_FORMAT, type EvidenceRef, type ScenarioAnswers } from './answers';
import { writeCast } from './backbone';
import { iso } from './clock';
import { backgroundTransfers } from './fts';
import { defineLayout, SRC } from './layout';
import { attachNoise } from './noise';
import { Rng } from './prng';
import { finishAnswers } from './report';
import { SCENARIOS } from './scenarios';
import { Bundle, type Line } from './sink';
import { profileNoise, streamSegment } from './stream';
import { staticFiles } from './statics';
import { buildWorld, type Difficulty, WINDOW_END, WINDOW_START } from './world';

export const MIN_SIZE = 1_000_000;
export const MAX_SIZE = 1_000_000_000;
export const DEFAULT_SIZE = 3_000_000;

export interface ScenarioOptions {
  name: string;
  seed?: number;
  /** Requested bundle size on disk, bytes (1 MB to 1 GB). */
  size?: number;
  difficulty?: Difficulty;
}

export interface ScenarioFile {
  /** Bundle-relative path (role `bundle`) or `answers.json` (role `answers`). */
  path: string;
  role: 'bundle' | 'answers';
  chunks: AsyncIterable<Uint8Array>;
}

export interface GeneratedScenario {
  files: AsyncIterable<ScenarioFile>;
  /** Resolves once the files have been consumed up to answers.json. */
  answers: Promise<ScenarioAnswers>;
}

export class ScenarioError extends Error {}

/** Sources hard difficulty drops (one per seed), so the trainee meets a real gap. */
const DROPPABLE = [SRC.router, SRC.sched];

export async function generateScenario(opts: ScenarioOptions): Promise<GeneratedScenario> {
  const found = SCENARIOS.find((s) => s.name === opts.name);
  if (!found) throw new ScenarioError(`unknown scenario '${opts.name}' (known: ${SCENARIOS.map((s) => s.name).join(', ')})`);
  const def = found;
  const seed = opts.seed ?? 1;
  const size = opts.size ?? DEFAULT_SIZE;
  if (!Number.isInteger(seed) || seed < 0) throw new ScenarioError(`seed must be a non-negative integer, got ${seed}`);
  if (!(size >= MIN_SIZE && size <= MAX_SIZE)) throw new ScenarioError(`size must be between 1 MB and 1 GB, got ${size}`);
  const difficulty = opts.difficulty ?? 'normal';
  const rng = new Rng(`tokentrail-scenario/${def.name}/${seed}/${difficulty}`);
  const world = buildWorld(rng.fork('world'), difficulty);
  const b = new Bundle();
  defineLayout(b, world);
  writeCast(b, world, rng.fork('cast-lines'));
  backgroundTransfers(b, world, rng.fork('fts'));
  const incident = await def.build({ b, w: world, rng: rng.fork('incident') });
  attachNoise(b, world);

  const dropped: ScenarioAnswers['droppedSources'] = [];
  if (difficulty === 'hard') {
    const id = DROPPABLE[seed % DROPPABLE.length] as string;
    const src = b.sources.get(id);
    if (src) {
      for (const seg of src.segments) dropped.push({ path: seg.path, reason: 'not handed over by the site (hard difficulty): expect a gap here' });
      b.sources.delete(id);
    }
  }

  const statics = staticFiles(b, world, def, incident.handover);
  const refs = new Map<string, EvidenceRef>();
  for (const s of b.statics) {
    for (const [ref, line] of s.refs ?? []) refs.set(ref, { file: s.path, line });
  }
  const plan = planNoise(b, size, statics, rng.fork('plan'));

  let resolveAnswers: (a: ScenarioAnswers) => void = () => {};
  const answers = new Promise<ScenarioAnswers>((r) => {
    resolveAnswers = r;
  });
  const enc = new TextEncoder();

  async function* files(): AsyncGenerator<ScenarioFile> {
    for (const s of b.statics) {
      yield { path: s.path, role: 'bundle', chunks: once(enc.encode(s.text)) };
    }
    for (const src of [...b.sources.values()].sort((x, y) => (x.id < y.id ? -1 : 1))) {
      const sorted = [...src.lines].sort((x, y) => x.t - y.t);
      for (let i = 0; i < src.segments.length; i++) {
        const seg = src.segments[i] as (typeof src.segments)[number];
        const last = i === src.segments.length - 1;
        const mine: Line[] = sorted.filter((l) => (l.t >= seg.from || i === 0) && (l.t < seg.to || last));
        const n = plan.get(seg.path) ?? 0;
        yield {
          path: seg.path,
          role: 'bundle',
          chunks: streamSegment(src, seg, mine, n, rng.fork(`noise:${seg.path}`), (ref, file, line) => refs.set(ref, { file, line })),
        };
      }
    }
    const a = finishAnswers({
      format: ANSWERS_FORMAT, scenario: def.name, seed, sizeBytes: size, difficulty, description: def.description,
      window: { from: iso(WINDOW_START), to: iso(WINDOW_END) }, world, incident, refs, dropped,
    });
    const text = `${JSON.stringify(a, null, 2)}\n`;
    resolveAnswers(a);
    yield { path: 'answers.json', role: 'answers', chunks: once(enc.encode(text)) };
  }
  return { files: files(), answers };
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** Noise lines per segment so the bundle lands near `size` bytes on disk. */
function planNoise(b: Bundle, size: number, staticBytes: number, rng: Rng): Map<string, number> {
  let fixed = staticBytes;
  for (const s of b.sources.values()) for (const l of s.lines) fixed += l.text.length + 30;
  const budget = Math.max(0, size - fixed);
  const noisy = [...b.sources.values()].filter((s) => s.noise && s.weight > 0);
  const total = noisy.reduce((a, s) => a + s.weight, 0);
  const plan = new Map<string, number>();
  for (const s of noisy) {
    const prof = profileNoise(s, rng.fork(s.id));
    const share = (budget * s.weight) / total;
    // One traffic density across the days; gzipped days cost 1/ratio of their raw bytes on disk.
    const diskSpan = s.segments.reduce((a, g) => a + (g.to - g.from) / (g.gzip ? prof.gzipRatio : 1), 0);
    const density = share / diskSpan;
    for (const g of s.segments) plan.set(g.path, Math.floor((density * (g.to - g.from)) / prof.meanLen));
  }
  return plan;
}
