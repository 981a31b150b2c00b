/**
 * Issue 6 acceptance: `analyze` on a .tar.gz holding a sample of every parser — every parser
 * contributes events, unknown text gets generic events, problems are listed, the case validates.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../model/case';
import { validateCase } from '../../model/validate';
import { PARSERS } from '../../parsers/registry';
import type { CliIo } from '../io';
import { main } from '../main';

const parsersDir = join(__dirname, '..', '..', 'parsers');

function samples(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...samples(p));
    else out.push(p);
  }
  return out;
}

describe('analyze over a sample of every parser', () => {
  it('every parser contributes events, unknown text goes to the generic parser, the case validates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tt-allparsers-'));
    const stage = join(dir, 'bundle');
    const files = readdirSync(parsersDir)
      .filter((d) => statSync(join(parsersDir, d)).isDirectory() && statSync(join(parsersDir, d, 'samples'), { throwIfNoEntry: false })?.isDirectory())
      .flatMap((d) => samples(join(parsersDir, d, 'samples')));
    for (const f of files) {
      const dest = join(stage, relative(parsersDir, f));
      mkdirSync(join(dest, '..'), { recursive: true });
      writeFileSync(dest, readFileSync(f));
    }
    writeFileSync(join(stage, 'operator-notes.txt'), '2026-11-23T14:10:00Z operator saw odd traffic from 203.0.113.99 to se01.example-site.org\n');
    const tgz = join(dir, 'site-handover.tar.gz');
    execFileSync('tar', ['czf', tgz, '-C', stage, '.']);
    const out = join(dir, 'case.json');
    const io: CliIo & { stdout: string } = { stdout: '', isTty: false, out: (s) => { io.stdout += s; }, err: () => {} };
    expect(await main(['analyze', tgz, '--out', out, '--json'], io)).toBe(0);
    const c = JSON.parse(readFileSync(out, 'utf8')) as Case;
    expect(validateCase(c).errors).toEqual([]);
    const byParser = new Map<string, number>();
    for (const e of c.events) byParser.set(e.src.parser, (byParser.get(e.src.parser) ?? 0) + 1);
    const silent = PARSERS.map((p) => p.id).filter((id) => !byParser.get(id));
    expect(silent, `parsers without events: ${silent.join(', ')}`).toEqual([]);
    expect(c.events.some((e) => e.src.parser === 'generic' && e.src.input.endsWith('operator-notes.txt') && e.ids.ip === '203.0.113.99')).toBe(true);
    // Every input came from inside the archive, with its own hash.
    expect(c.inputs.filter((i) => i.path.includes('site-handover.tar.gz!/')).length).toBeGreaterThan(files.length / 2);
    // Problems (the malformed samples) are listed, not fatal.
    expect(c.problems.length).toBeGreaterThan(0);
    expect(JSON.parse(io.stdout).problems).toBeTruthy();
  });
});
