import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecret, junkLines, runParserOther } from '../common/testing-other';
import { tokenFields, voOfGroups, xrootdParser } from './index';
import { mulberry32 as rng } from '../../scenario/prng';

const sample = readFileSync(join(__dirname, 'samples/xrootd.log'), 'utf8');

describe('xrootd parser', () => {
  it('detects xrootd.log', () => {
    expect(xrootdParser.detect({ name: 'xrootd.log', head: sample.split('\n') })).toBeGreaterThan(0.8);
    expect(xrootdParser.detect({ name: 'a', head: ['level=INFO ts=2026-11-23T14:05:41.512+0100 event=org.dcache.webdav.request'] })).toBe(0);
  });

  it('ties token, grant and disconnect lines to the login session', () => {
    const { events, problems } = runParserOther(xrootdParser, sample, { tz: 'Europe/Zurich' });
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.src?.line, e.kind])).toEqual([
      [1, 'log'],
      [4, 'auth.login'],
      [5, 'token.use'],
      [6, 'storage.access'],
      [7, 'auth.login'],
      [8, 'token.reject'],
      [9, 'storage.access'],
      [10, 'log'],
    ]);
    const byLine = new Map(events.map((e) => [e.src?.line, e]));
    const login = byLine.get(4)!;
    expect(new Date(login.time.ts).toISOString()).toBe('2026-11-23T13:05:41.104Z');
    expect(login.time.assumed).toBe('tz=Europe/Zurich');
    expect(login.ids).toEqual({
      host: 'se01.example-site.org',
      session: 'alice.30112:41@wn042.example-site.org',
      clientHost: 'wn042.example-site.org',
      user: 'cmsuser01',
    });
    expect(byLine.get(5)!.ids).toMatchObject({
      session: 'alice.30112:41@wn042.example-site.org',
      clientHost: 'wn042.example-site.org',
      sub: '7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11',
      iss: 'https://cms-auth.example-iam.org/',
      user: 'cmsuser01',
      vo: 'cms',
    });
    expect(byLine.get(6)!.ids).toMatchObject({ op: 'create', endpoint: '/store/user/alice/out.root', sub: '7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11' });
    expect(byLine.get(7)!.ids.ip).toBe('203.0.113.44');
    expect(byLine.get(8)!.ids.session).toBe('u7f3.4401:52@[::ffff:203.0.113.44]');
    expect(byLine.get(9)!.ids).toMatchObject({ ip: '2001:db8:40::17', op: 'read', endpoint: '/store/mc/file01.root' });
    // upstream-redacted `authz=REDACTED` is not an exposure
    expect(events.some((e) => e.kind === 'token.exposure')).toBe(false);
    expect(byLine.get(10)!.ids.sub).toBe('7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11');
  });

  it('a tident reused after its disconnect is a new session: it does not inherit the old token subject', () => {
    const lines = [
      '261123 14:05:41 2207 XrootdXeq: alice.30112:41@wn042.example-site.org pub IPv4 TLSv1.3 login as cmsuser01',
      '261123 14:05:41 2207 scitokens_Access: New valid token mapped_username=cmsuser01, subject=sub-alice, issuer=https://cms-auth.example-iam.org/, authorizations=/store:read',
      '261123 14:05:42 2207 XrootdXeq: alice.30112:41@wn042.example-site.org disc 0:00:01',
      // Same thread, no new login: the thread's last session has ended, so this names no session.
      '261123 14:06:00 2207 scitokens_Access: New valid token mapped_username=cmsuser02, subject=sub-bob, issuer=https://cms-auth.example-iam.org/, authorizations=/store:read',
      '261123 14:09:00 2301 XrootdXeq: alice.30112:41@wn042.example-site.org pub IPv4 TLSv1.3 login',
      '261123 14:09:01 2301 XrdHttp: alice.30112:41@wn042.example-site.org Req_ProcessHTTPReq: GET /store/mc/file02.root HTTP/1.1',
    ].join('\n');
    const { events } = runParserOther(xrootdParser, lines);
    const at = (n: number) => events.find((e) => e.src?.line === n)!;
    // The disconnect line still belongs to alice's session.
    expect(at(3).ids.sub).toBe('sub-alice');
    expect(at(4).ids).toMatchObject({ sub: 'sub-bob', user: 'cmsuser02' });
    expect(at(4).ids.session).toBeUndefined();
    expect(at(4).ids.clientHost).toBeUndefined();
    expect(at(5).ids.sub).toBeUndefined();
    expect(at(6).ids).toMatchObject({ op: 'read', endpoint: '/store/mc/file02.root' });
    expect(at(6).ids.sub).toBeUndefined();
    expect(at(6).ids.user).toBeUndefined();
  });

  it('a line holding a credential: the claims fill the ids the session left open, in their places, plus the exposure', () => {
    const lines = [
      '261123 14:05:41 2207 XrootdXeq: alice.30112:41@wn042.example-site.org pub IPv4 TLSv1.3 login as cmsuser01',
      '261123 14:05:42 2207 XrootdXeq: alice.30112:41@wn042.example-site.org disc 0:00:01',
    ].join('\n');
    const secret = fakeSecret('d'.repeat(64), { sub: 'claim-sub', iss: 'https://claim.example/', jti: 'claim-jti' });
    const { events } = runParserOther(xrootdParser, lines, { secrets: { 1: [secret], 2: [secret] } });
    expect(events.map((e) => e.kind)).toEqual(['auth.login', 'token.exposure', 'log', 'token.exposure']);
    const [login, , disc] = events;
    expect(Object.entries(login!.ids)).toEqual([
      ['session', 'alice.30112:41@wn042.example-site.org'],
      ['clientHost', 'wn042.example-site.org'],
      ['user', 'cmsuser01'],
      ['sub', 'claim-sub'],
      ['iss', 'https://claim.example/'],
      ['tokenFps', ['d'.repeat(64)]],
      ['jti', 'claim-jti'],
    ]);
    expect(Object.keys(disc!.ids)).toEqual(['session', 'clientHost', 'user', 'sub', 'iss', 'tokenFps', 'jti']);
  });

  it('reads the header as its regex groups it: fractions of 1–6 digits, the thread, the prefix with or without a space after its colon', () => {
    const LINE = /^\d{6} \d{2}:\d{2}:\d{2}(?:\.(\d{1,6}))? (\d+) ([^\s:]+): ?(.*)$/;
    const lines = [
      '261123 14:05:41 2207 XrootdXeq: alice.30112:41@wn042.example-site.org pub IPv4 login as cmsuser01',
      '261123 14:05:41.5 2207 XrootdXeq: alice.30112:41@wn042.example-site.org disc 0:00:01',
      '261123 14:05:41.12 17 XrootdXeq:bob.1:2@wn1.example-site.org pub IPv6 login as cmsuser02',
      '261123 14:05:41.123456 17 XrootdXeq:  carol.1:3@wn2.example-site.org pub IPv4 login as cmsuser03',
      '261123 14:05:41.1234567 17 XrootdXeq: dave.1:4@wn3.example-site.org pub IPv4 login',
      '261123 14:05:41 17 Xrootd:Xeq: erin.1:5@wn4.example-site.org pub IPv4 login',
      '261123 14:05:41 x17 XrootdXeq: frank.1:6@wn5.example-site.org pub IPv4 login',
    ];
    const { events, problems } = runParserOther(xrootdParser, lines.join('\n'));
    const want = lines.flatMap((l, i) => {
      const m = LINE.exec(l);
      return m ? [[i + 1, l.slice(0, m[1] ? 16 + m[1].length : 15), /[^\s.@]+\.\d+:\d+@\S+/.exec(m[4]!)![0]]] : [];
    });
    expect(events.map((e) => [e.src?.line, e.time.text, e.ids.session])).toEqual(want);
    expect(want.map((w) => w[0])).toEqual([1, 2, 3, 4, 6]);
    // Lines 5 and 7 start with the time stamp but fail LINE: malformed, said so (they once passed
    // for start-up echo lines, `\d+ `, and were dropped without a word).
    expect(problems.map((p) => [p.line, p.code])).toEqual([[5, 'line.malformed'], [7, 'line.malformed']]);
  });

  it('accepts the op-first authorizations order', () => {
    const line = '261123 14:05:41 2207 scitokens_Access: New valid token subject=abc, issuer=https://x.example-iam.org/, authorizations=read:/store,create:/store/user, mapped_username=u1';
    const { events } = runParserOther(xrootdParser, line);
    expect(events[0]!.ids).toMatchObject({ sub: 'abc', iss: 'https://x.example-iam.org/', user: 'u1' });
  });

  it('reports malformed lines and keeps good ones', () => {
    const good = sample.split('\n')[3]!;
    const { events, problems } = runParserOther(xrootdParser, [good, ...junkLines(), good].join('\n'));
    expect(events).toHaveLength(2);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 6, 7]);
    expect(problems.every((p) => p.code === 'line.malformed')).toBe(true);
  });
});

describe('voOfGroups', () => {
  it('gives what the split/replace chain it replaced gave', () => {
    const chain = (g: string | undefined) => g?.split(',')[0]?.replace(/^\//, '').split('/')[0];
    for (const g of [undefined, '', '/', '//', '/cms', 'cms', '/cms/pilot,/atlas', ',/x', '/a,b', 'a/b/c', '/,/', '//x/y', ' /cms']) {
      expect(voOfGroups(g), JSON.stringify(g)).toBe(chain(g));
    }
  });

  it('reads token fields as the regex it replaced does (fuzzed field lists)', () => {
    // The regex tokenFields replaced, as the reference.
    const FIELD = /(?:^|, )(mapped_username|subject|issuer|groups|authorizations|username)=/g;
    const reference = (s: string): Record<string, string | undefined> => {
      const out: Record<string, string | undefined> = { mapped_username: undefined, subject: undefined, issuer: undefined, groups: undefined, authorizations: undefined, username: undefined };
      FIELD.lastIndex = 0;
      let m = FIELD.exec(s);
      while (m) {
        const from = m.index + m[0].length;
        const name = m[1]!;
        m = FIELD.exec(s);
        out[name] = s.slice(from, m ? m.index : s.length).trim();
      }
      return out;
    };
    const next = rng(5);
    const parts = ['mapped_username=', 'subject=', 'issuer=', 'groups=', 'authorizations=', 'username=', 'user=', 'subjec=', ', ', ',', ' ', '=', 'cms', '/cms,/cms/pilot', 'https://x/', ' s', 'm', 'u'];
    let fields = 0;
    for (let n = 0; n < 20000; n++) {
      let s = '';
      const len = Math.floor(next() * 10);
      for (let i = 0; i < len; i++) s += parts[Math.floor(next() * parts.length)];
      const want = reference(s);
      fields += Object.values(want).filter((v) => v !== undefined).length;
      expect(tokenFields(s), JSON.stringify(s)).toEqual(want);
    }
    expect(fields).toBeGreaterThan(5000);
    expect(tokenFields('mapped_username=cms010, subject=3f8d, issuer=https://cms-auth.example-iam.org/, groups=/cms,/cms/pilot, authorizations=/store:read,stat')).toEqual({
      mapped_username: 'cms010',
      subject: '3f8d',
      issuer: 'https://cms-auth.example-iam.org/',
      groups: '/cms,/cms/pilot',
      authorizations: '/store:read,stat',
      username: undefined,
    });
  });
});
