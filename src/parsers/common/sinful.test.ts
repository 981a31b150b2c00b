import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../../scenario/prng';
import { parseSinful, type Sinful } from './sinful';

/** The parser as it was before it stopped splitting the parameters (the reference). */
function splitting(text: string): Sinful | undefined {
  const m = /^<?([^?>]*)(?:\?([^>]*))?>?$/.exec(text.trim());
  if (!m) return undefined;
  const hostPort = m[1] ?? '';
  const out: Sinful = {};
  const v6FromAddrs = (s: string) => s.replace(/-/g, ':').toLowerCase();
  const v6 = /^\[([0-9A-Fa-f:.-]+)\](?::(\d+))?$/.exec(hostPort);
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d+))?$/.exec(hostPort);
  if (v6) {
    out.ip = v6[1]!.includes(':') ? v6[1]!.toLowerCase() : v6FromAddrs(v6[1]!);
    if (v6[2]) out.port = Number(v6[2]);
  } else if (v4) {
    out.ip = v4[1];
    if (v4[2]) out.port = Number(v4[2]);
  }
  for (const kv of (m[2] ?? '').split('&')) {
    const eq = kv.indexOf('=');
    const k = eq < 0 ? kv : kv.slice(0, eq);
    const raw = eq < 0 ? '' : kv.slice(eq + 1);
    let v = raw;
    if (raw.includes('%')) {
      try {
        v = decodeURIComponent(raw);
      } catch {}
    }
    if (k === 'alias' && v) out.alias = v.toLowerCase();
    if (k === 'addrs' && v && !out.ip) {
      const first = v.split('+')[0]!;
      const a6 = /^\[([0-9A-Fa-f-]+)\]-(\d+)$/.exec(first);
      const a4 = /^(\d{1,3}(?:\.\d{1,3}){3})-(\d+)$/.exec(first);
      if (a6) {
        out.ip = v6FromAddrs(a6[1]!);
        out.port = Number(a6[2]);
      } else if (a4) {
        out.ip = a4[1];
        out.port = Number(a4[2]);
      }
    }
  }
  return out.ip || out.alias ? out : undefined;
}

describe('parseSinful', () => {
  it('reads what the splitting parser read (fuzzed parameter lists)', () => {
    const next = rng(9);
    const hosts = ['198.51.100.24:39169', '[2001:db8::15]:9618', '[2001-db8--15]', 'host.example:9618', '', '1.2.3.4'];
    const params = ['addrs=198.51.100.24-39169', 'addrs=[2001-db8--15]-9618+198.51.100.1-1', 'addrs=', 'addrs', 'alias=CMSfactory01.Example-VO.org', 'alias=', 'alias', 'alias=a%2Eb', 'alias=%zz', 'noUDP', 'sock=schedd_7742_b372', 'xalias=x', 'alia=y', '=z', 'alias=b=c', ''];
    for (let n = 0; n < 5000; n++) {
      const ps = Array.from({ length: Math.floor(next() * 5) }, () => params[Math.floor(next() * params.length)]!);
      const host = hosts[Math.floor(next() * hosts.length)]!;
      const text = next() < 0.8 ? `<${host}?${ps.join('&')}>` : `${host}${ps.length ? `?${ps.join('&')}` : ''}`;
      expect(parseSinful(text), text).toEqual(splitting(text));
    }
  });
});
