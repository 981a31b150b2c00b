/** Test helper: runs the generator to completion and keeps every file in memory (small sizes only). */
import type { ScenarioAnswers } from './answers';
import { generateScenario, type ScenarioOptions } from './generate';

export interface Collected {
  files: Map<string, Uint8Array>;
  answers: ScenarioAnswers;
}

export async function collectScenario(opts: ScenarioOptions): Promise<Collected> {
  const g = await generateScenario(opts);
  const files = new Map<string, Uint8Array>();
  for await (const f of g.files) {
    const parts: Uint8Array[] = [];
    for await (const c of f.chunks) parts.push(c);
    const all = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
    let o = 0;
    for (const p of parts) {
      all.set(p, o);
      o += p.length;
    }
    files.set(f.role === 'answers' ? `answers:${f.path}` : f.path, all);
  }
  return { files, answers: await g.answers };
}

/** Bundle size on disk (answers excluded). */
export function bundleBytes(c: Collected): number {
  let n = 0;
  for (const [p, b] of c.files) if (!p.startsWith('answers:')) n += b.length;
  return n;
}
