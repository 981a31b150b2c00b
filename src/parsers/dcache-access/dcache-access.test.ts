import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecret, junkLines, runParserOther } from '../common/testing-other';
import { dcacheAccessParser, urlParts } from './index';

const sample = readFileSync(join(__dirname, 'samples/webdavDomain.access'), 'utf8');

describe('dCache access log parser', () => {
  it('detects its format', () => {
    expect(dcacheAccessParser.detect({ name: 'webdavDomain.access', head: sample.split('\n') })).toBeGreaterThan(0.9);
    expect(dcacheAccessParser.detect({ name: 'x.log', head: ['261123 14:05:41 2207 XrootdXeq: a.1:2@h pub IPv4 login'] })).toBe(0);
  });

  it('reads requests with identity, peer, path and op', () => {
    const { events, problems } = runParserOther(dcacheAccessParser, sample);
    expect(problems).toEqual([]);
    expect(events.map((e) => e.kind)).toEqual(['storage.access', 'token.reject', 'storage.access', 'storage.access', 'token.reject']);
    const [get, put, copy, propfind] = events;
    expect(new Date(get!.time.ts).toISOString()).toBe('2026-11-23T13:05:41.512Z');
    expect(get!.time.assumed).toBeUndefined();
    expect(get!.ids).toMatchObject({
      host: 'se01.example-site.org',
      ip: '2001:db8:40::17',
      port: 51844,
      sub: '7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11',
      jti: '3f0b9c7e-51a2-4d6f-8b3e-2a9c4d7e1f60',
      endpoint: '/pnfs/example-site.org/data/cms/store/mc/file01.root',
      op: 'read',
      status: '200',
    });
    expect(put!.ids).toMatchObject({ ip: '203.0.113.44', op: 'write', status: '403' });
    expect(put!.ids.sub).toBeUndefined();
    expect(copy!.ids).toMatchObject({ op: 'tpc', session: 'door:webdav-se01@webdavDomain:AAXyzQ1', sub: 'bad0c0de-0000-4000-8000-00000000f00d' });
    expect(propfind!.ids.dn).toBe('CN=Alice Example,OU=People,DC=example,DC=org');
    expect(propfind!.ids.op).toBe('stat');
  });

  it('adds an exposure when the line held a credential', () => {
    const line = sample.split('\n')[0]!;
    const { events } = runParserOther(dcacheAccessParser, line, { secrets: { 1: [fakeSecret('c'.repeat(64))] } });
    expect(events.map((e) => e.kind)).toEqual(['storage.access', 'token.exposure']);
    expect(events[1]!.ids.tokenFps).toEqual(['c'.repeat(64)]);
  });

  it('reports malformed lines with line numbers and keeps good ones', () => {
    const lines = sample.split('\n').slice(0, 2);
    const text = [lines[0], ...junkLines(), 'level=INFO ts=notatime event=org.dcache.webdav.request', lines[1]].join('\n');
    const { events, problems } = runParserOther(dcacheAccessParser, text);
    expect(events).toHaveLength(2);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['line.malformed', 2],
      ['line.malformed', 3],
      ['line.malformed', 4],
      ['line.malformed', 6],
      ['line.malformed', 7],
      ['time.unparsed', 8],
    ]);
  });

  it('reads lines with whitespace other than spaces as the pair syntax says (the fast path for plain lines changes nothing)', () => {
    const line = sample.split('\n')[0]!;
    const plain = runParserOther(dcacheAccessParser, line).events[0]!;
    // A tab between pairs still separates them; one inside the URL value ends it there.
    const tabbed = runParserOther(dcacheAccessParser, line.replace(' user.sub=', '\tuser.sub=')).events[0]!;
    expect(tabbed.ids).toEqual(plain.ids);
    const cut = runParserOther(dcacheAccessParser, line.replace('/file01.root', '/file01\u00a0.root')).events[0]!;
    expect(cut.ids.endpoint).toBe('/pnfs/example-site.org/data/cms/store/mc/file01');
    // The header needs plain spaces: a tab there makes the line malformed, as before.
    const { events, problems } = runParserOther(dcacheAccessParser, line.replace(' ts=', '\tts='));
    expect(events).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(['line.malformed']);
  });

  it('reads request URLs as the WHATWG URL parser does (the plain-URL shortcut changes nothing)', () => {
    const viaUrl = (u: string) => {
      try {
        const url = new URL(u);
        return { host: url.hostname.toLowerCase(), path: decodeURIComponent(url.pathname) };
      } catch {
        return { path: u.startsWith('/') ? u : undefined };
      }
    };
    const hosts = ['se01.example-site.org', 'SE01.Example-Site.ORG', 'localhost', '192.0.2.7', '0x7f.1', '1.2.3', 'xn--nxasmq6b.example', 'a..b', '-a-.b', '[2001:db8::1]', 'user:pw@se01.org', 'h.123'];
    const ports = ['', ':2880', ':0', ':65535', ':65536', ':99999', ':', ':08'];
    const paths = ['', '/', '/pnfs/data/file5846.root', '/a/./b', '/a/../b', '/a/.hidden', '/a%20b', '/a b', '/a?x=1', '/a#f', '/a\\b', '//double//slash', '/~u/x+y,z=1', '/ü', '/a;b'];
    const schemes = ['https://', 'http://', 'HTTPS://', 'root://', 'davs://'];
    let n = 0;
    for (const s of schemes)
      for (const h of hosts)
        for (const p of ports)
          for (const path of paths) {
            const u = `${s}${h}${p}${path}`;
            expect(urlParts(u), u).toEqual(viaUrl(u));
            n++;
          }
    expect(n).toBe(schemes.length * hosts.length * ports.length * paths.length);
  });
});
