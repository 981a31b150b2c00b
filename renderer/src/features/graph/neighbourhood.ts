/**
 * Which part of the entity graph the graph view draws: the focus and its neighbours, then theirs.
 * A hub (a storage door every token is presented to, a VO, a NAT gateway) is drawn but not walked
 * through: its hundred other tokens would bury the focus's pilots and payloads, and are not this
 * focus's story. The view says how many links each such hub holds back.
 */
import type { Entity, Link } from '../../../../src/model/entity';

/** More links than this and a node beyond the focus is a hub, not walked through. */
export const HUB_DEGREE = 12;

export interface Neighbourhood {
  nodes: Entity[];
  edges: Link[];
  /** Hubs drawn but not expanded, with their number of links in the whole graph. */
  held: Map<string, number>;
}

/** The neighbourhood of `focus` (depth 2, at most `max` nodes), or a small overview when no focus. */
export function neighbourhood(entities: Entity[], links: Link[], focus: string | undefined, depth = 2, max = 80): Neighbourhood {
  if (!focus) {
    // No selection: the first token's neighbours, not an unreadable hairball.
    const firstToken = entities.find((e) => e.kind === 'token')?.id;
    if (firstToken) return neighbourhood(entities, links, firstToken, 1, max);
    const keep = new Set(entities.slice(0, max).map((e) => e.id));
    return { nodes: entities.filter((e) => keep.has(e.id)), edges: links.filter((l) => keep.has(l.from) && keep.has(l.to)), held: new Map() };
  }
  const degree = new Map<string, number>();
  for (const l of links) {
    degree.set(l.from, (degree.get(l.from) ?? 0) + 1);
    degree.set(l.to, (degree.get(l.to) ?? 0) + 1);
  }
  const keep = new Set([focus]);
  const held = new Map<string, number>();
  let frontier = [focus];
  for (let d = 0; d < depth && keep.size < max; d++) {
    const front = new Set<string>();
    for (const id of frontier) {
      const deg = degree.get(id) ?? 0;
      if (id !== focus && deg > HUB_DEGREE) held.set(id, deg);
      else front.add(id);
    }
    const next: string[] = [];
    for (const l of links) {
      if (front.has(l.from) && !keep.has(l.to)) next.push(l.to);
      if (front.has(l.to) && !keep.has(l.from)) next.push(l.from);
    }
    frontier = [];
    for (const n of next) {
      if (keep.size >= max) break;
      if (keep.has(n)) continue;
      keep.add(n);
      frontier.push(n);
    }
  }
  // Nodes at the rim were not walked either: a hub there holds back its links too.
  for (const id of frontier) if (id !== focus && (degree.get(id) ?? 0) > HUB_DEGREE) held.set(id, degree.get(id)!);
  return { nodes: entities.filter((e) => keep.has(e.id)), edges: links.filter((l) => keep.has(l.from) && keep.has(l.to)), held };
}
