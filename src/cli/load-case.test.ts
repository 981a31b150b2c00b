import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesSource } from '../ingest/source';
import type { Case } from '../model/case';
import { analyzeSources } from '../pipeline/index';
import { collectScenario } from '../scenario/testing';
import { loadCaseFile } from './load-case';
import { writeCaseFile } from './write-case';

describe('loadCaseFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tt-load-'));
  let c: Case;
  let written: string;
  beforeAll(async () => {
    const { files } = await collectScenario({ name: 'stolen-token', seed: 11, size: 1_000_000 });
    const sources = [...files].filter(([p]) => !p.startsWith('answers:')).map(([p, b]) => bytesSource(p, b));
    c = JSON.parse(JSON.stringify(await analyzeSources(sources, { name: 'load' })));
    written = join(dir, 'case.json');
    await writeCaseFile(c, written);
  });

  it('reads the one-item-per-line layout line by line (as for files too big for one string) and whole, to the same case', async () => {
    const streamed = await loadCaseFile(written, 0);
    const whole = await loadCaseFile(written);
    expect(streamed.events.length).toBe(c.events.length);
    expect(streamed).toEqual(c);
    expect(whole).toEqual(c);
    // No line holds more than one event, entity or link: none grows with the case.
    const lines = readFileSync(written, 'utf8').split('\n');
    expect(lines.length).toBeGreaterThan(c.events.length + c.entities.length + c.links.length);
    const longestItem = Math.max(...[...c.events, ...c.entities, ...c.links].map((x) => JSON.stringify(x).length));
    const head = lines[0]!.length;
    expect(Math.max(...lines.slice(1).map((l) => l.length))).toBeLessThanOrEqual(Math.max(longestItem + 1, head, 200_000));
  });

  it('reads files written before entities and links were streamed (events only)', async () => {
    const skeleton = JSON.stringify({ ...c, events: [] });
    const at = skeleton.indexOf('"events":[]');
    const old = `${skeleton.slice(0, at)}"events":[${c.events.map((e, i) => `${i ? ',' : ''}\n${JSON.stringify(e)}`).join('')}\n]${skeleton.slice(at + '"events":[]'.length)}\n`;
    const file = join(dir, 'v1-events-only.json');
    writeFileSync(file, old);
    expect(await loadCaseFile(file, 0)).toEqual(c);
  });

  it('falls back to reading other JSON layouts whole', async () => {
    const pretty = join(dir, 'pretty.json');
    writeFileSync(pretty, JSON.stringify(c, null, 2));
    expect(await loadCaseFile(pretty, 0)).toEqual(c);
  });

  it('refuses a truncated file and a corrupt event line, naming the line', async () => {
    const text = readFileSync(written, 'utf8');
    const lines = text.split('\n');
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, lines.slice(0, 50).join('\n'));
    await expect(loadCaseFile(cut, 0)).rejects.toMatchObject({ code: 1 });
    const bad = join(dir, 'bad.json');
    lines[7] = '{"id":"e1.7","time":';
    writeFileSync(bad, lines.join('\n'));
    await expect(loadCaseFile(bad, 0)).rejects.toMatchObject({ code: 1, message: expect.stringContaining('bad.json:8: not a JSON item of "events"') });
  });
});
