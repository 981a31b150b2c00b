/** UI side of the protocol: start a job on a worker, follow its progress, cancel it. */
import { type Endpoint, type FromWorker, JobCancelled, type ToWorker } from './protocol';

export interface JobHandle<Res> {
  /** Resolves with the result; rejects with the worker's error or `JobCancelled`. */
  result: Promise<Res>;
  cancel(): void;
}

export class WorkerClient<Req, Prog, Res> {
  private next = 1;
  constructor(private readonly ep: Endpoint) {}

  run(req: Req, onProgress?: (p: Prog) => void): JobHandle<Res> {
    const job = this.next++;
    const ep = this.ep;
    const result = new Promise<Res>((resolve, reject) => {
      const listener = (e: MessageEvent) => {
        const m = e.data as FromWorker<Prog, Res>;
        if (m.job !== job) return;
        if (m.type === 'progress') {
          onProgress?.(m.progress);
          return;
        }
        ep.removeEventListener('message', listener);
        if (m.type === 'done') resolve(m.result);
        else if (m.type === 'cancelled') reject(new JobCancelled());
        else reject(new Error(m.message));
      };
      ep.addEventListener('message', listener);
    });
    ep.postMessage({ type: 'start', job, req } satisfies ToWorker<Req>);
    return { result, cancel: () => ep.postMessage({ type: 'cancel', job } satisfies ToWorker<Req>) };
  }
}
