/// <reference lib="webworker" />
/**
 * Generates a training scenario and analyses it, off the UI thread: the bundle never reaches the
 * page (only the redacted case, the answer key and, for instructors, a zip of bundle + key).
 */
import { zipSync } from 'fflate';
import { bytesSource } from '../../../../src/ingest/source';
import { analyzeSources } from '../../../../src/pipeline/index';
import { generateScenario } from '../../../../src/scenario/generate';
import type { TrainingRequest, TrainingResponse } from './protocol';

const post = (m: TrainingResponse, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = async (ev: MessageEvent<TrainingRequest>) => {
  const r = ev.data;
  try {
    post({ type: 'progress', stage: 'generating', percent: 0 });
    const gen = await generateScenario({ name: r.scenario, seed: r.seed, size: r.size, difficulty: r.difficulty });
    const sources = [];
    const zipFiles: Record<string, Uint8Array> = {};
    for await (const f of gen.files) {
      const parts: Uint8Array[] = [];
      for await (const c of f.chunks) parts.push(c);
      const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let o = 0;
      for (const p of parts) {
        bytes.set(p, o);
        o += p.length;
      }
      zipFiles[f.role === 'bundle' ? `bundle/${f.path}` : f.path] = bytes;
      if (f.role === 'bundle') sources.push(bytesSource(f.path, bytes));
    }
    const answers = await gen.answers;
    post({ type: 'progress', stage: 'analysing', percent: 40 });
    const total = sources.reduce((n, s) => n + (s.size ?? 0), 0) || 1;
    const doc = await analyzeSources(sources, {
      name: `Training: ${r.scenario} (seed ${r.seed}, ${r.difficulty})`,
      onProgress: (p) => post({ type: 'progress', stage: 'analysing', percent: 40 + Math.round((55 * p.bytesRead) / total) }),
    });
    const zip = r.withBundle ? zipSync(zipFiles, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') }) : undefined;
    post({ type: 'done', caseDoc: { ...doc, links: Array.from(doc.links) }, answers, zip }, zip ? [zip.buffer] : []);
  } catch (e) {
    post({ type: 'error', message: (e as Error).message });
  }
};
