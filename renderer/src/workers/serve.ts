/** Worker side of the protocol: runs a handler per started job, with progress and cancel. */
import type { Endpoint, FromWorker, ToWorker } from './protocol';

export interface JobContext<Prog> {
  signal: AbortSignal;
  progress(p: Prog): void;
}

export function serve<Req, Prog, Res>(ep: Endpoint, handler: (req: Req, ctx: JobContext<Prog>) => Promise<Res>): void {
  const running = new Map<number, AbortController>();
  const post = (m: FromWorker<Prog, Res>) => ep.postMessage(m);
  ep.addEventListener('message', (e: MessageEvent) => {
    const msg = e.data as ToWorker<Req>;
    if (msg.type === 'cancel') {
      running.get(msg.job)?.abort();
      return;
    }
    const ac = new AbortController();
    running.set(msg.job, ac);
    const ctx: JobContext<Prog> = { signal: ac.signal, progress: (progress) => post({ type: 'progress', job: msg.job, progress }) };
    handler(msg.req, ctx)
      .then((result) => post(ac.signal.aborted ? { type: 'cancelled', job: msg.job } : { type: 'done', job: msg.job, result }))
      .catch((err: unknown) =>
        post(ac.signal.aborted ? { type: 'cancelled', job: msg.job } : { type: 'error', job: msg.job, message: err instanceof Error ? err.message : String(err) }),
      )
      .finally(() => running.delete(msg.job));
  });
}
