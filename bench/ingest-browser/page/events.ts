/**
 * Streams realistic events the way ingestion delivers them: input after input, each input in its
 * own time order, inputs overlapping in time, in batches. Lines are ~200 characters like real logs.
 */
import type { EventKind, TgEvent } from '../../../src/model';

const IPS = Array.from({ length: 200 }, (_, i) => `203.0.${113 + (i % 3)}.${i}`);
const USERS = Array.from({ length: 40 }, (_, i) => `user${i}`);

export function* eventBatches(total: number, inputs: number, batch: number): Generator<TgEvent[]> {
  const base = Date.UTC(2026, 10, 21, 0, 0, 0);
  const perInput = Math.ceil(total / inputs);
  let n = 0;
  for (let inp = 0; inp < inputs && n < total; inp++) {
    const input = `bundle.tar.gz!/host${inp}/var/log/xrootd/xrootd.log`;
    let out: TgEvent[] = [];
    for (let i = 0; i < perInput && n < total; i++, n++) {
      const ts = base + i * 250 + inp * 37;
      const ip = IPS[(i * 7 + inp) % IPS.length]!;
      const user = USERS[(i * 3 + inp) % USERS.length]!;
      const iso = new Date(ts).toISOString();
      const kind: EventKind = i % 20 === 0 ? 'job.start' : 'token.use';
      out.push({
        id: `ev-${inp}-${i}`,
        time: { ts, text: iso },
        src: { input, line: i + 1, parser: 'xrootd' },
        kind,
        ids: { ip, user, host: `host${inp}.example-site.org`, jti: `jti-${i % 500}`, tokenFps: [`${(i % 500).toString(16).padStart(16, '0')}`] },
        text: `${iso} 4412@${ip} XrootdXeq: ${user}.${i % 97}:${inp}@wn${i % 60}.example-site.org pub IP46 login as ${user} token [sig-redacted:${(i % 500).toString(16).padStart(16, '0')}] path=/store/user/${user}/f${i}.root`,
      });
      if (out.length === batch) {
        yield out;
        out = [];
      }
    }
    if (out.length) yield out;
  }
}
