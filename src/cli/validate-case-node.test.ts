import { describe, expect, it } from 'vitest';
import { bytesSource } from '../ingest/source';
import type { Case } from '../model/case';
import { validateCase } from '../model/validate';
import { analyzeSources } from '../pipeline/index';
import { collectScenario } from '../scenario/testing';
import { validateCaseNode } from './validate-case-node';
import { ChainedLinks, type LinkRange } from '../correlate/link-list';

// biome-ignore lint/suspicious/noExplicitAny: each break reaches into a different part of the document
type Doc = Record<string, any>;

/** Ways a case file can be wrong: each must be refused by both validators. */
const BREAKS: Record<string, (c: Doc) => void> = {
  'wrong format tag': (c) => {
    c.format = 'tokentrail.case/v2';
  },
  'unknown top-level field': (c) => {
    c.rawTokens = ['eyJ'];
  },
  'unknown event kind': (c) => {
    c.events[5].kind = 'made.up';
  },
  'event without time': (c) => {
    delete c.events[7].time;
  },
  'line number as text': (c) => {
    c.events[9].src.line = '12';
  },
  'bad input sha256': (c) => {
    c.inputs[0].sha256 = 'xyz';
  },
  'link confidence not in the enum': (c) => {
    c.links[c.links.length - 1].confidence = 'maybe';
  },
  'entity of an unknown kind': (c) => {
    c.entities[0].kind = 'planet';
  },
  'finding without evidence list': (c) => {
    delete c.findings[0].evidence;
  },
  'extra field on a token': (c) => {
    c.tokens[0].raw = 'eyJhbGciOi';
  },
};

/** A real analysed case, straight from correlation (made once for both tests). */
let made: Promise<Case> | undefined;
function analysed(): Promise<Case> {
  made ??= collectScenario({ name: 'stolen-token', seed: 5, size: 1_000_000 }).then(({ files }) =>
    analyzeSources(
      [...files].filter(([p]) => !p.startsWith('answers:')).map(([p, b]) => bytesSource(p, b)),
      { name: 'agree' },
    ),
  );
  return made;
}

describe('validateCaseNode (Ajv) and validateCase (core) agree', () => {
  it('on a real analysed case and on each way of breaking it', async () => {
    const good: Case = JSON.parse(JSON.stringify(await analysed()));
    expect(good.findings.length).toBeGreaterThan(0);
    expect(validateCaseNode(good)).toEqual({ valid: true, errors: [] });
    expect(validateCase(good, { parsedJson: true }).valid).toBe(true);
    for (const [what, breakIt] of Object.entries(BREAKS)) {
      const bad: Doc = structuredClone(good);
      breakIt(bad);
      const node = validateCaseNode(bad);
      expect([what, node.valid, validateCase(bad, { parsedJson: true }).valid]).toEqual([what, false, false]);
      expect(node.errors.length, what).toBeGreaterThan(0);
    }
  });

  it("checks a fresh case's link table link by link, and names the bad one", async () => {
    const fresh = await analysed();
    expect(Array.isArray(fresh.links)).toBe(false);
    expect(fresh.links.length).toBeGreaterThan(10);
    expect(validateCaseNode(fresh)).toEqual({ valid: true, errors: [] });
    const links = [...fresh.links];
    const broken = { length: 1, at: () => ({ ...links[3]!, confidence: 'maybe' }) } as unknown as LinkRange;
    const node = validateCaseNode({ ...fresh, links: new ChainedLinks([links.slice(0, 3), broken, links.slice(4)]) });
    expect(node.valid).toBe(false);
    expect(node.errors[0]).toMatch(/^\/links\/3\/confidence: /);
  });
});
