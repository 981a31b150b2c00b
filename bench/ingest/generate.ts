/**
 * A mixed bundle for the ingestion benchmark: HTCondor SchedLog/AuditLog, dCache access, Apache
 * access, XRootD, sshd syslog, PanDA pilot and IAM JSON lines, with real signed JWTs in some of
 * them (bearer headers, env dumps, query strings); ~20 % of the files gzipped, rotated names.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateKeyPair, SignJWT } from 'jose';
import { rng } from '../common/rng';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export interface Generated {
  dir: string;
  files: string[];
  /** Uncompressed bytes. */
  bytes: number;
}

export async function generateBundle(dir: string, totalMb: number): Promise<Generated> {
  const r = rng(42);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const { privateKey } = await generateKeyPair('RS256');
  const tokens: string[] = [];
  for (let i = 0; i < 8; i++) {
    tokens.push(
      await new SignJWT({ 'wlcg.ver': '1.0', scope: 'storage.read:/ storage.modify:/store/user', 'wlcg.groups': ['/cms'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'rsa1', typ: 'JWT' })
        .setIssuer('https://cms-auth.web.cern.ch/')
        .setSubject(`a1b2c3d4-0000-4000-8000-00000000000${i}`)
        .setJti(`7f3e${i}c2a-1b2c-4d5e-8f90-a1b2c3d4e5f6`)
        .setIssuedAt(1795168800 + i * 600)
        .setExpirationTime(1795172400 + i * 600)
        .sign(privateKey),
    );
  }
  const ips = Array.from({ length: 64 }, (_, i) => `192.0.2.${i + 10}`).concat(Array.from({ length: 32 }, (_, i) => `203.0.113.${i + 1}`));
  const users = ['cmspilot', 'atlasprd', 'alice', 'bob', 'lhcbsgm', 'dteam001'];
  let t = Date.UTC(2026, 10, 20, 0, 0, 0);
  const tick = () => {
    t += Math.floor(r() * 900);
    return new Date(t);
  };
  const condorTime = (d: Date) => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const iso = (d: Date) => d.toISOString();
  const syslogTime = (d: Date) => `Nov ${pad(d.getUTCDate(), 2)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const apacheTime = (d: Date) => `${pad(d.getUTCDate())}/Nov/2026:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;

  const kinds: { name: string; line: () => string }[] = [
    { name: 'condor/SchedLog', line: () => `${condorTime(tick())} (pid:4242) Number of Active Workers ${Math.floor(r() * 20)}` },
    {
      name: 'condor/AuditLog',
      line: () => {
        const cid = 80000 + Math.floor(r() * 5000);
        return r() < 0.5
          ? `${condorTime(tick())} (cid:${cid}) (D_AUDIT) Command=QMGMT_WRITE_CMD, peer=<${pick(ips)}:${40000 + Math.floor(r() * 20000)}>`
          : `${condorTime(tick())} (cid:${cid}) (D_AUDIT) AuthMethod=SCITOKENS, AuthId=https://cms-auth.web.cern.ch/,a1b2c3d4-0000-4000-8000-00000000000${Math.floor(r() * 8)}, CondorId=${pick(users)}@users.htcondor.org`;
      },
    },
    {
      name: 'dcache/access.log',
      line: () =>
        `level=INFO ts=${iso(tick()).replace('Z', '+0000')} event=org.dcache.webdav.request request.method=${pick(['GET', 'PUT', 'PROPFIND'])} request.url=https://dcache.example.org:2880/store/user/${pick(users)}/f${Math.floor(r() * 1e6)}.root response.code=${pick([200, 201, 207, 401])} socket.remote=${pick(ips)}:${40000 + Math.floor(r() * 20000)} user.mapped=${pick(users)} transaction=webdav-${Math.floor(r() * 1e9)} duration=${Math.floor(r() * 900)}`,
    },
    {
      name: 'httpd/access_log',
      line: () =>
        `${pick(ips)} - - [${apacheTime(tick())}] "GET /api/v1/jobs/${Math.floor(r() * 1e7)}${r() < 0.01 ? `?access_token=${pick(tokens)}` : ''} HTTP/1.1" ${pick([200, 200, 304, 404])} ${Math.floor(r() * 50000)} "-" "python-requests/2.31"`,
    },
    {
      name: 'xrootd/xrootd.log',
      line: () => `${condorTime(tick()).replace(/\//g, '').slice(0, 6)} ${iso(new Date(t)).slice(11, 19)} ${Math.floor(r() * 9000)} XrootdXeq: ${pick(users)}.${Math.floor(r() * 99999)}:${Math.floor(r() * 900)}@wn${pad(Math.floor(r() * 200), 3)}.example.org pub IP46 login as ${pick(users)}`,
    },
    {
      name: 'messages',
      line: () => `${syslogTime(tick())} ce01 sshd[${1000 + Math.floor(r() * 30000)}]: ${r() < 0.7 ? 'Accepted publickey' : 'Failed password'} for ${pick(users)} from ${pick(ips)} port ${1024 + Math.floor(r() * 60000)} ssh2`,
    },
    {
      name: 'pilot/pilotlog.txt',
      line: () =>
        r() < 0.02
          ? `${iso(tick()).replace('T', ' ').replace('Z', '').replace('.', ',')} | INFO     | export BEARER_TOKEN=${pick(tokens)}`
          : `${iso(tick()).replace('T', ' ').replace('Z', '').replace('.', ',')} | INFO     | payload ${Math.floor(r() * 1e10)} state changed to running on wn${pad(Math.floor(r() * 200), 3)}.example.org`,
    },
    {
      name: 'iam/audit.log',
      line: () =>
        JSON.stringify({
          '@timestamp': iso(tick()),
          type: pick(['AccessTokenIssuedEvent', 'RefreshTokenIssuedEvent', 'AuthenticationSuccessEvent']),
          source: pick(ips),
          principal: pick(users),
          clientId: 'c0ffee00-0000-4000-8000-000000000001',
          grantType: pick(['client_credentials', 'refresh_token', 'urn:ietf:params:oauth:grant-type:token-exchange']),
          scope: 'openid storage.read:/ compute.create',
        }),
    },
  ];

  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const perFile = 8 * 1024 * 1024;
  const nFiles = Math.max(kinds.length, Math.ceil((totalMb * 1024 * 1024) / perFile));
  let bytes = 0;
  for (let f = 0; f < nFiles; f++) {
    const k = kinds[f % kinds.length]!;
    const rot = Math.floor(f / kinds.length);
    const parts: string[] = [];
    let size = 0;
    while (size < perFile) {
      const l = k.line();
      parts.push(l);
      size += l.length + 1;
    }
    const text = `${parts.join('\n')}\n`;
    bytes += Buffer.byteLength(text);
    const gz = f % 5 === 4;
    const name = `${k.name}${rot ? `.${rot}` : ''}${gz ? '.gz' : ''}`;
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, gz ? gzipSync(text, { level: 6 }) : text);
    files.push(path);
  }
  return { dir, files: files.sort(), bytes };
}
