import { describe, expect, it } from 'vitest';
import { memberPath, safeMemberName, sniffName } from './names';

describe('names', () => {
  it('strips rotation and compression suffixes for sniffing', () => {
    expect(sniffName('logs/SchedLog.1')).toBe('logs/SchedLog');
    expect(sniffName('logs/SchedLog.2.gz')).toBe('logs/SchedLog');
    expect(sniffName('b.tar.gz!/var/log/messages-20260101.gz')).toBe('var/log/messages');
    expect(sniffName('AuditLog.20261101T101010')).toBe('AuditLog');
    expect(sniffName('xrootd.log.20261122')).toBe('xrootd.log');
    expect(sniffName('access_log.old')).toBe('access_log');
    expect(sniffName('StarterLog.slot1')).toBe('StarterLog.slot1');
    expect(sniffName('1')).toBe('1');
  });

  it('sanitises traversal and absolute member names and says so', () => {
    expect(safeMemberName('../../etc/cron.d/evil')).toEqual({ name: 'etc/cron.d/evil', escaped: true });
    expect(safeMemberName('/etc/passwd')).toEqual({ name: 'etc/passwd', escaped: true });
    expect(safeMemberName('C:\\Windows\\x.log')).toEqual({ name: 'Windows/x.log', escaped: true });
    expect(safeMemberName('var/log/../log/x')).toEqual({ name: 'var/log/x', escaped: false });
    expect(safeMemberName('./a/b')).toEqual({ name: 'a/b', escaped: false });
  });

  it('joins member paths with !/', () => {
    expect(memberPath('outer.tar.gz', 'var/log/condor/SchedLog')).toBe('outer.tar.gz!/var/log/condor/SchedLog');
  });
});
