import { afterEach, expect, it } from 'vitest';
import { WorkerClient } from './client';
import { type Endpoint, JobCancelled } from './protocol';
import { serve } from './serve';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** Both ends of a real MessageChannel: messages are structured-cloned as with a Worker. */
function pair(): [Endpoint, Endpoint] {
  const c = new MessageChannel();
  channels.push(c);
  c.port1.start();
  c.port2.start();
  return [c.port1 as unknown as Endpoint, c.port2 as unknown as Endpoint];
}

/** Counts lines of a text in chunks, reporting progress and honouring cancel. */
async function countLines(req: { text: string; chunk: number }, ctx: { signal: AbortSignal; progress(p: { done: number }): void }) {
  let lines = 0;
  for (let i = 0; i < req.text.length; i += req.chunk) {
    if (ctx.signal.aborted) throw new Error('aborted');
    for (const ch of req.text.slice(i, i + req.chunk)) if (ch === '\n') lines++;
    ctx.progress({ done: Math.min(req.text.length, i + req.chunk) });
    await new Promise((r) => setTimeout(r, 0));
  }
  return { lines };
}

it('runs jobs with progress, keeps concurrent jobs apart, and reports errors', async () => {
  const [ui, worker] = pair();
  serve(worker, async (req: { text: string; chunk: number }, ctx) => {
    if (req.chunk <= 0) throw new Error('chunk must be positive');
    return countLines(req, ctx);
  });
  const client = new WorkerClient<{ text: string; chunk: number }, { done: number }, { lines: number }>(ui);
  const seen: number[] = [];
  const a = client.run({ text: 'a\nb\nc\n'.repeat(10), chunk: 15 }, (p) => seen.push(p.done));
  const b = client.run({ text: 'x\n'.repeat(7), chunk: 4 });
  expect(await a.result).toEqual({ lines: 30 });
  expect(await b.result).toEqual({ lines: 7 });
  expect(seen).toEqual([15, 30, 45, 60]);
  await expect(client.run({ text: 'x', chunk: 0 }).result).rejects.toThrow('chunk must be positive');
});

it('cancels a running job', async () => {
  const [ui, worker] = pair();
  serve(worker, countLines);
  const client = new WorkerClient<{ text: string; chunk: number }, { done: number }, { lines: number }>(ui);
  const progress: number[] = [];
  const h = client.run({ text: 'line\n'.repeat(100_000), chunk: 1000 }, (p) => {
    progress.push(p.done);
    if (progress.length === 3) h.cancel();
  });
  await expect(h.result).rejects.toBeInstanceOf(JobCancelled);
  expect(progress.length).toBeLessThan(50);
});
