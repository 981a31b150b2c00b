import { spawnSync } from 'node:child_process';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';

const bin = join(__dirname, '..', '..', 'bin', 'tokentrail.cjs');
const run = (nodeArgs: string[], args: string[], input?: string) =>
  spawnSync(process.execPath, [...nodeArgs, bin, ...args], { encoding: 'utf8', input, env: { ...process.env, TOKENTRAIL_DEBUG: '1', TOKENTRAIL_RELAUNCHED: '', NODE_OPTIONS: '' } });

// The launcher gives big cases a heap to match the machine (V8's default limit ran a 500 MB
// bundle out of memory). Machines with little memory keep the default: nothing to assert there.
const roomy = totalmem() * 0.75 > 1.25 * getHeapStatistics().heap_size_limit;

describe('bin/tokentrail.cjs', () => {
  it.runIf(roomy)('runs itself again with a bigger heap limit, passing on stdin, stdout and the exit code', () => {
    const r = run([], ['redact'], 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789ABCDEF\n');
    expect(r.stderr).toMatch(/running again with --max-old-space-size=\d+/);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Authorization: Bearer');
    expect(r.stdout).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789ABCDEF');
    const usage = run([], ['--no-such-option']);
    expect(usage.stderr).toMatch(/running again/);
    expect(usage.status).toBe(2);
  });

  it('keeps a heap limit the user chose', () => {
    const r = run(['--max-old-space-size=3000'], ['scenario', 'list']);
    expect(r.stderr).not.toMatch(/running again/);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('stolen-token');
  });
});
