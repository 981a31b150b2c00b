/**
 * CPU time of this process split by thread (Linux /proc; elsewhere only the total is known): the
 * main thread runs the pipeline's JavaScript and its GC pauses; the other threads are mostly V8's
 * concurrent TurboFan compiler (measured: with --no-concurrent-recompilation they fall to ~0 and
 * the main thread grows by the same amount), plus GC helpers and libuv's zlib work. On a cold run
 * of the 50 MB bundle they are a third of the pipeline's CPU, which a per-parser loop measured
 * warm (best of 3) never sees.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ThreadCpu {
  /** Seconds of CPU of the main (JavaScript) thread, undefined where /proc is missing. */
  main: number | undefined;
  /** Seconds of CPU of all the other threads. */
  other: number | undefined;
}

/** Clock ticks per second of /proc's utime/stime (USER_HZ: 100 on every Linux this runs on). */
const HZ = 100;

export function threadCpu(): ThreadCpu {
  let main = 0;
  let other = 0;
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name "(…)": state is field 3, utime 14, stime 15.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const s = (Number(f[11]) + Number(f[12])) / HZ;
      if (tid === String(process.pid)) main += s;
      else other += s;
    }
  } catch {
    return { main: undefined, other: undefined };
  }
  return { main, other };
}

/** `after - before`, per field. */
export function threadCpuSince(before: ThreadCpu): ThreadCpu {
  const now = threadCpu();
  return {
    main: now.main === undefined || before.main === undefined ? undefined : now.main - before.main,
    other: now.other === undefined || before.other === undefined ? undefined : now.other - before.other,
  };
}
