import { describe, expect, it } from 'vitest';
import type { Entity, Link } from '../../../../src/model/entity';
import { HUB_DEGREE, neighbourhood } from './neighbourhood';

const ent = (id: string): Entity => {
  const [kind, key] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  return { id, kind: kind as Entity['kind'], key, label: key, attrs: {}, events: [], eventCount: 1 };
};
const link = (from: string, to: string, rule: string): Link => ({ id: `${rule}:${from}->${to}`, from, to, rule, confidence: 'certain', evidence: ['e1'] });

// A stolen token's story, next to a storage door that thirty other tokens were presented to.
const stolen = 'token:aaaa';
const links: Link[] = [
  link(stolen, 'identity:iam|alice', 'token.subject'),
  link(stolen, 'payload:687', 'event.names-both'),
  link('payload:687', 'pilot:factory01:889761.0', 'pilot.payload-log'),
  link('pilot:factory01:889761.0', 'host:wn017', 'pilot.worker-node'),
  link(stolen, 'ip:203.0.113.52', 'token.used-from'),
  link(stolen, 'host:se01', 'token.presented-to'),
  ...Array.from({ length: 30 }, (_, k) => link(`token:other${k}`, 'host:se01', 'token.presented-to')),
  ...Array.from({ length: 30 }, (_, k) => link(`token:other${k}`, `ip:10.0.0.${k}`, 'token.used-from')),
];
const entities = [...new Set(links.flatMap((l) => [l.from, l.to]))].sort().map(ent);

describe('graph neighbourhood', () => {
  it("walks the focus's story two steps out, but not through a hub", () => {
    const n = neighbourhood(entities, links, stolen);
    const ids = n.nodes.map((e) => e.id).sort();
    expect(ids).toEqual([stolen, 'host:se01', 'identity:iam|alice', 'ip:203.0.113.52', 'payload:687', 'pilot:factory01:889761.0'].sort());
    expect(n.held).toEqual(new Map([['host:se01', 31]]));
    expect(31).toBeGreaterThan(HUB_DEGREE);
    // Every drawn edge joins two drawn nodes; the focus's own links are all there.
    const drawn = new Set(ids);
    for (const l of n.edges) expect(drawn.has(l.from) && drawn.has(l.to)).toBe(true);
    expect(n.edges.filter((l) => l.from === stolen)).toHaveLength(4);
    // Three steps out: the pilot's node.
    expect(neighbourhood(entities, links, stolen, 3).nodes.map((e) => e.id)).toContain('host:wn017');
  });

  it('opens a hub when it is the focus itself, up to the node cap', () => {
    const n = neighbourhood(entities, links, 'host:se01', 2, 40);
    expect(n.nodes).toHaveLength(40);
    expect(n.nodes.some((e) => e.id === 'token:other7')).toBe(true);
    expect(n.held.size).toBe(0);
  });

  it('without a focus shows the first token and its neighbours', () => {
    const n = neighbourhood(entities, links, undefined);
    expect(n.nodes.map((e) => e.id)).toContain(stolen);
    expect(n.nodes.length).toBeLessThanOrEqual(6);
  });
});
