import { describe, expect, it } from 'vitest';
import { parseClassAdLine } from './classad';
import { parseCondorLine } from './htcondor-line';
import { hostFromPath, splitSlotHost, voFromGroups, voFromIssuer } from './identity';
import { findSinful, parseSinful } from './sinful';

describe('sinful strings', () => {
  it('reads v4, bracketed v6 and addrs-only forms', () => {
    expect(parseSinful('<198.51.100.23:40211?addrs=198.51.100.23-40211&alias=factory01.example-vo.org&noUDP>')).toEqual({
      ip: '198.51.100.23',
      port: 40211,
      alias: 'factory01.example-vo.org',
    });
    expect(parseSinful('<[2001:DB8::15]:9618?addrs=[2001-db8--15]-9618>')).toEqual({ ip: '2001:db8::15', port: 9618 });
    // Only the addrs list (the primary address elided), v6 with dashes for colons.
    expect(parseSinful('<?addrs=[2001-db8-0-1--15]-9618+192.0.2.7-9618&alias=wn.example-site.org>')).toEqual({
      ip: '2001:db8:0:1::15',
      port: 9618,
      alias: 'wn.example-site.org',
    });
    expect(findSinful('Started shadow on "<192.0.2.42:9618?sock=x>", pid')?.ip).toBe('192.0.2.42');
    expect(parseSinful('not a sinful')).toBeUndefined();
    // Hostile percent-escapes do not throw; the alias is kept as logged.
    expect(parseSinful('<192.0.2.1:1?alias=%zz%&addrs=192.0.2.1-1>')).toEqual({ ip: '192.0.2.1', port: 1, alias: '%zz%' });
  });
});

describe('dprintf header', () => {
  it('reads wall time, sub-seconds, epoch form and header tags', () => {
    const a = parseCondorLine('11/23/26 14:02:11.250 (pid:12) (tid:3) (cid:7) (D_AUDIT|D_FULLDEBUG) Hello', 'UTC');
    expect(a).toMatchObject({ pid: 12, tid: 3, cid: 7, cat: 'D_AUDIT|D_FULLDEBUG', message: 'Hello' });
    expect(new Date(a?.time.ts ?? 0).toISOString()).toBe('2026-11-23T14:02:11.250Z');
    const b = parseCondorLine('1795442531.005 (cid:9) Submitting new job 1.0', 'Europe/Zurich');
    expect(b?.time).toEqual({ ts: 1795442531000 + 5, text: '1795442531.005' });
    expect(b?.time.assumed).toBeUndefined();
    expect(parseCondorLine('13/01/26 00:00:00 x', 'UTC')).toBeUndefined();
    expect(parseCondorLine('hello', 'UTC')).toBeUndefined();
  });
});

describe('identity helpers', () => {
  it('splits slots, names VOs and finds hosts in paths', () => {
    expect(splitSlotHost('slot1_3@WN042.example-site.org')).toEqual({ slot: 'slot1_3', host: 'wn042.example-site.org' });
    expect(voFromGroups(['/cms/pilot'])).toBe('cms');
    expect(voFromGroups('/atlas,/atlas/prod')).toBe('atlas');
    expect(voFromIssuer('https://lhcb-auth.example-iam.org/')).toBe('lhcb');
    expect(voFromIssuer('https://scitokens.example.org/osg')).toBeUndefined();
    expect(hostFromPath('b.tgz!/site/wn042.example-site.org/var/log/condor/StarterLog.slot1_1')).toBe('wn042.example-site.org');
    expect(hostFromPath('logs/AuditLog.20261123T140211')).toBeUndefined();
    expect(hostFromPath('logs/arex.log')).toBeUndefined();
  });
  it('unquotes ClassAd values', () => {
    expect(parseClassAdLine('Cmd = "a \\"b\\" c"')).toEqual({ name: 'Cmd', value: 'a "b" c', quoted: true });
    expect(parseClassAdLine('Requirements = (TARGET.Arch == "X86_64")')?.quoted).toBe(false);
  });
});
