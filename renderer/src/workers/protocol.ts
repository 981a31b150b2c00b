/**
 * The message protocol between the UI thread and a worker that runs core work (ingestion,
 * correlation, reports). One worker serves many jobs; each job is started, reports progress any
 * number of times, and ends exactly once: done, error or cancelled. Cancel is cooperative: the
 * job's AbortSignal fires and the core stops at its next check.
 */
export type ToWorker<Req> = { type: 'start'; job: number; req: Req } | { type: 'cancel'; job: number };

export type FromWorker<Prog, Res> =
  | { type: 'progress'; job: number; progress: Prog }
  | { type: 'done'; job: number; result: Res }
  | { type: 'error'; job: number; message: string }
  | { type: 'cancelled'; job: number };

/** What a Worker, a worker's global scope and a MessagePort have in common. */
export interface Endpoint {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}

/** Thrown by `JobHandle.result` when the job was cancelled. */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}
