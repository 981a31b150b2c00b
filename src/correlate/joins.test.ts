import { describe, expect, it } from 'vitest';
import { hostList } from './joins';

describe('hostList (hosts behind an IP, in a join reason)', () => {
  it('names up to five hosts, then counts the rest', () => {
    const hosts = Array.from({ length: 7 }, (_, i) => `wn${i}.example-site.org`);
    expect(hostList(hosts.slice(0, 5))).toBe('wn0.example-site.org, wn1.example-site.org, wn2.example-site.org, wn3.example-site.org, wn4.example-site.org');
    expect(hostList(hosts)).toBe('wn0.example-site.org, wn1.example-site.org, wn2.example-site.org, wn3.example-site.org, wn4.example-site.org and 2 more hosts');
    expect(hostList([])).toBe('');
  });
});
