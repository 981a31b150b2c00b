/**
 * "Which payloads ran behind this IP at t, and which of them belong to this token's subject?"
 * asked once per token use. Behind a NAT a busy site runs hundreds of payloads at once, and a case
 * holds hundreds of thousands of token uses, so each IP keeps a sweep over its payload windows
 * (events come in time order) with the running payloads indexed by subject and user: a question
 * costs at most the two first matching payloads, not the number running.
 */
import type { IdentityRec, IpHostSpan, PayloadRec, PilotRec, TokenRec } from './graph';

/** A payload seen behind an IP through one IP↔host span: active over [from, to] (slack included). */
interface Window {
  pi: number;
  from: number;
  to: number;
  payload: PayloadRec;
}

class IpSweep {
  /** Windows sorted by `from`; `next` is the first not yet activated. */
  readonly windows: Window[] = [];
  private next = 0;
  // The active windows as a binary min-heap by `to`: a NAT gateway keeps a hundred payloads active,
  // and rescanning them all each time the earliest one ended cost a tenth of the joins pass.
  private active: Window[] = [];
  private lastTs = Number.NEGATIVE_INFINITY;
  /** Active windows per payload (a payload can sit behind the IP through several spans). */
  private readonly perPayload = new Map<number, number>();
  /** Running payloads by each subject and user they name (the token's `sub` may be either). */
  private readonly bySubOrUser = new Map<string, PayloadRec[]>();
  /** Running payloads by the user names they name (an identity's mapped accounts). */
  private readonly byUser = new Map<string, PayloadRec[]>();

  /** Moves the sweep to `ts`; asked out of time order, it starts over (correct, only slower). */
  advance(ts: number): void {
    if (ts < this.lastTs) this.reset();
    this.lastTs = ts;
    const heap = this.active;
    while (heap.length > 0 && heap[0]!.to < ts) this.leave(popMin(heap));
    while (this.next < this.windows.length && this.windows[this.next]!.from <= ts) {
      const w = this.windows[this.next++]!;
      if (w.to < ts) continue;
      pushMin(heap, w);
      this.enter(w);
    }
  }

  /** Distinct payloads running now. */
  get running(): number {
    return this.perPayload.size;
  }

  /** The only running payload (when `running` is 1). */
  only(): PayloadRec | undefined {
    return this.active[0]?.payload;
  }

  /**
   * The one running payload of the token's subject (by `sub` as subject or user name, or by an
   * account its identity maps to): undefined when none, `null` when several. It stops at the second
   * one: a busy NAT gateway runs dozens of one user's payloads, and only "exactly one" joins.
   */
  matching(t: TokenRec, identities: Map<string, IdentityRec>): PayloadRec | null | undefined {
    if (!t.sub) return undefined;
    let one: PayloadRec | undefined;
    // Each list holds a payload once (addOnce); the subject's and the accounts' lists may share one.
    const bySub = this.bySubOrUser.get(t.sub);
    if (bySub) {
      if (bySub.length > 1) return null;
      one = bySub[0];
    }
    const idn = t.identity ? identities.get(t.identity) : undefined;
    if (idn && idn.users.size > 0) {
      for (const u of idn.users) {
        const l = this.byUser.get(u);
        if (!l) continue;
        for (let k = 0; k < l.length; k++) {
          const p = l[k]!;
          if (one === undefined) one = p;
          else if (p !== one) return null;
        }
      }
    }
    return one;
  }

  private enter(w: Window): void {
    const n = this.perPayload.get(w.pi) ?? 0;
    this.perPayload.set(w.pi, n + 1);
    if (n > 0) return;
    const p = w.payload;
    for (const k of p.subs) addOnce(this.bySubOrUser, k, p);
    for (const k of p.users) {
      addOnce(this.bySubOrUser, k, p);
      addOnce(this.byUser, k, p);
    }
  }

  private leave(w: Window): void {
    const n = this.perPayload.get(w.pi)!;
    if (n > 1) {
      this.perPayload.set(w.pi, n - 1);
      return;
    }
    this.perPayload.delete(w.pi);
    const p = w.payload;
    for (const k of p.subs) removeFrom(this.bySubOrUser, k, p);
    for (const k of p.users) {
      removeFrom(this.bySubOrUser, k, p);
      removeFrom(this.byUser, k, p);
    }
  }

  private reset(): void {
    this.next = 0;
    this.active = [];
    this.perPayload.clear();
    this.bySubOrUser.clear();
    this.byUser.clear();
  }
}

/** Adds `w` to the min-heap by `to`. */
function pushMin(heap: Window[], w: Window): void {
  let k = heap.length;
  heap.push(w);
  while (k > 0) {
    const up = (k - 1) >> 1;
    if (heap[up]!.to <= w.to) break;
    heap[k] = heap[up]!;
    k = up;
  }
  heap[k] = w;
}

/** Removes and returns the window that ends first. */
function popMin(heap: Window[]): Window {
  const top = heap[0]!;
  const last = heap.pop()!;
  if (heap.length === 0) return top;
  let k = 0;
  for (;;) {
    const l = 2 * k + 1;
    if (l >= heap.length) break;
    const c = l + 1 < heap.length && heap[l + 1]!.to < heap[l]!.to ? l + 1 : l;
    if (heap[c]!.to >= last.to) break;
    heap[k] = heap[c]!;
    k = c;
  }
  heap[k] = last;
  return top;
}

/** Adds `p` to the list at `k` unless there (a key can be both a payload's subject and its user). */
function addOnce(m: Map<string, PayloadRec[]>, k: string, p: PayloadRec): void {
  const l = m.get(k);
  if (!l) m.set(k, [p]);
  else if (!l.includes(p)) l.push(p);
}

/** Removes `p` from the list at `k`, keeping the order of the rest (first found is first listed). */
function removeFrom(m: Map<string, PayloadRec[]>, k: string, p: PayloadRec): void {
  const l = m.get(k);
  const at = l ? l.indexOf(p) : -1;
  if (at >= 0) l!.splice(at, 1);
}

export interface BehindIpInput {
  pilots: Map<string, PilotRec>;
  payloads: Map<string, PayloadRec>;
  toleranceMs: number;
}

/** Per IP, the payloads that ran on a node the IP belonged to, each over the overlap of its run and the span. */
export class PayloadsBehindIp {
  private readonly sweeps = new Map<string, IpSweep>();

  constructor(inp: BehindIpInput, spansByHost: Map<string, IpHostSpan[]>) {
    const slack = inp.toleranceMs;
    let pi = -1;
    for (const pl of inp.payloads.values()) {
      pi++;
      if (pl.start === undefined || !pl.pilot) continue;
      const p = inp.pilots.get(pl.pilot);
      const end = pl.end ?? pl.start;
      const hosts = new Set<string>([...(p?.hosts ?? []), ...pl.hosts].map((h) => h.toLowerCase()));
      for (const h of hosts) {
        for (const sp of spansByHost.get(h) ?? []) {
          if (sp.from - slack > end || pl.start > sp.to + slack) continue;
          const from = Math.max(pl.start, sp.from) - slack;
          const to = Math.min(end, sp.to) + slack;
          if (from > to) continue;
          let s = this.sweeps.get(sp.ip);
          if (!s) {
            s = new IpSweep();
            this.sweeps.set(sp.ip, s);
          }
          s.windows.push({ pi, from, to, payload: pl });
        }
      }
    }
    for (const s of this.sweeps.values()) s.windows.sort((a, b) => a.from - b.from || a.pi - b.pi);
  }

  /**
   * The payload behind `ip` at `ts` the token belongs to: the one of its subject, else the only one
   * running there; `running` counts the distinct payloads running behind the IP then.
   */
  pick(ip: string, ts: number, t: TokenRec, identities: Map<string, IdentityRec>): { pick?: PayloadRec; running: number } {
    const s = this.sweeps.get(ip);
    if (!s) return { running: 0 };
    s.advance(ts);
    const running = s.running;
    if (running === 0) return { running };
    const yes = s.matching(t, identities);
    if (yes) return { pick: yes, running };
    if (yes === null) return { running };
    return running === 1 ? { pick: s.only(), running } : { running };
  }
}
