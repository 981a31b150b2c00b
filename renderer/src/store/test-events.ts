/**
 * Realistic-shaped events for store tests: an XRootD-like token.use line per event, three inputs
 * whose clocks interleave, a handful of client IPs and users. Deterministic for a given seed.
 */
import type { TgEvent } from '../../../src/model';

const IPS = ['203.0.113.7', '198.51.100.23', '192.0.2.44', '2001:db8::17'];
const USERS = ['alice', 'bob', 'carol'];
const INPUTS = ['site/xrootd.log', 'site/condor/SchedLog', 'vo/iam-audit.log'];

/** `n` events; input i's events are in its own time order, but inputs interleave in time. */
export function makeEvents(n: number, seed = 1): TgEvent[] {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const base = Date.UTC(2026, 2, 14, 9, 0, 0);
  const out: TgEvent[] = [];
  for (let i = 0; i < n; i++) {
    const input = INPUTS[i % INPUTS.length]!;
    const ts = base + Math.floor(i / INPUTS.length) * 1000 + Math.floor(rnd() * 5000);
    const ip = IPS[Math.floor(rnd() * IPS.length)]!;
    const user = USERS[i % USERS.length]!;
    const iso = new Date(ts).toISOString();
    out.push({
      id: `ev-${seed}-${i.toString().padStart(7, '0')}`,
      time: { ts, text: iso },
      src: { input, line: Math.floor(i / INPUTS.length) + 1, parser: 'xrootd' },
      kind: i % 10 === 0 ? 'job.start' : 'token.use',
      ids: { ip, user, jti: `jti-${i % 50}`, tokenFps: [`${(i % 50).toString(16).padStart(4, '0')}aa11bb22cc33dd44ee55ff66`] },
      text: `${iso} 1234@${ip} sec_Authenticate: token user=${user} path=/store/user/${user}/f${i}.root eyJ..eyJ..[sig-redacted:${(i % 50).toString(16).padStart(16, '0')}]`,
    });
  }
  return out;
}
