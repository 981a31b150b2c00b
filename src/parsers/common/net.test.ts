import { describe, expect, it } from 'vitest';
import { findHosts, findIps, isIpv4Port, normIp, splitHostPort } from './net';

describe('net helpers', () => {
  it('normalises IPs and splits ports', () => {
    expect(normIp('[2001:DB8::17]')).toBe('2001:db8::17');
    expect(normIp('::ffff:192.0.2.15')).toBe('192.0.2.15');
    expect(normIp('256.1.1.1')).toBeUndefined();
    expect(normIp('14:05:41')).toBeUndefined();
    expect(splitHostPort('[2001:db8:40::17]:51844')).toEqual({ host: '2001:db8:40::17', ip: '2001:db8:40::17', port: 51844 });
    expect(splitHostPort('203.0.113.44:40022')).toEqual({ host: '203.0.113.44', ip: '203.0.113.44', port: 40022 });
    expect(splitHostPort('SE01.example-site.org:2880')).toEqual({ host: 'se01.example-site.org', port: 2880 });
  });
  it('finds IPs and hosts in free text without mistaking times and file names', () => {
    expect(findIps('at 14:05:41 from 203.0.113.51 and [2001:db8::5]:443, 1.2.3.4.5 no')).toEqual(['203.0.113.51', '2001:db8::5']);
    expect(findHosts('copy /store/file01.root to SE01.Example-Site.org and wn042.example-site.org.tar.gz')).toEqual([
      'se01.example-site.org',
      'wn042.example-site.org',
    ]);
  });
  it('isIpv4Port holds only where splitHostPort reads an IPv4 before the one `:` and a port after it', () => {
    const all = ['192.0.2.15:40100', '0.0.0.0:0', '255.255.255.255:65535', '10.1.2.3:0099', '256.1.1.1:80', '01.2.3.4:80', '1.2.3:80', '1.2.3.4:', '1.2.3.4', ' 1.2.3.4:80', '1.2.3.4:80 ', '[1.2.3.4]:80', '1.2.3.4:8:0', 'h.example:80'];
    const fast = all.filter(isIpv4Port);
    expect(fast).toEqual(['192.0.2.15:40100', '0.0.0.0:0', '255.255.255.255:65535', '10.1.2.3:0099']);
    for (const s of fast) {
      const colon = s.indexOf(':');
      expect(splitHostPort(s), s).toEqual({ host: s.slice(0, colon), ip: s.slice(0, colon), port: Number(s.slice(colon + 1)) });
    }
  });
});
