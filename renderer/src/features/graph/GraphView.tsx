/**
 * Entity graph of the current selection: tokens ↔ pilots ↔ payloads ↔ users ↔ hosts/IPs, drawn
 * with cytoscape. Clicking an edge shows the rule, confidence and evidence that made it.
 */
import cytoscape from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Entity, Link, LinkList } from '../../../../src/model/entity';
import type { TgEvent } from '../../../../src/model/event';
import { neighbourhood } from './neighbourhood';

const COLOURS: Record<Entity['kind'], string> = {
  token: '#8e24aa',
  identity: '#1e88e5',
  vo: '#00897b',
  pilot: '#f4511e',
  payload: '#fb8c00',
  host: '#546e7a',
  ip: '#c62828',
  endpoint: '#6d4c41',
};

export function GraphView(props: { entities: Entity[]; links: LinkList; eventsById: Map<string, TgEvent>; focus?: string; onFocus?(id: string): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [edge, setEdge] = useState<Link | null>(null);
  // A fresh graph's links are a table that makes each link as it is read; the neighbourhood walks
  // them up to three times per focus, so they are made once per graph while the view shows it.
  const links = useMemo(() => (Array.isArray(props.links) ? props.links : Array.from(props.links)), [props.links]);
  const { nodes, edges, held } = useMemo(() => neighbourhood(props.entities, links, props.focus), [props.entities, links, props.focus]);
  const { onFocus } = props;

  useEffect(() => {
    if (!ref.current) return;
    const cy = cytoscape({
      container: ref.current,
      elements: [
        ...nodes.map((n) => {
          const label = n.label.length > 32 ? `${n.label.slice(0, 30)}…` : n.label;
          const more = held.get(n.id);
          // A hub's count first: the label is cut to the node's share of the row.
          return { data: { id: n.id, label: more === undefined ? label : `${more} links · ${label}`, kind: n.kind } };
        }),
        ...edges.map((l) => ({ data: { id: l.id, source: l.from, target: l.to, rule: l.rule, confidence: l.confidence } })),
      ],
      style: [
        // Labels cut at a node's width of the row: neighbours' long paths and ids overlapped into one smear.
        { selector: 'node', style: { label: 'data(label)', 'font-size': 9, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': '74px', width: 18, height: 18 } },
        ...Object.entries(COLOURS).map(([k, c]) => ({ selector: `node[kind = "${k}"]`, style: { 'background-color': c } })),
        { selector: 'edge', style: { width: 1.5, 'line-color': '#90a4ae', 'curve-style': 'bezier' } },
        { selector: 'edge[confidence = "inferred"]', style: { 'line-style': 'dashed' } },
        { selector: `node[id = "${(props.focus ?? '').replace(/"/g, '')}"]`, style: { 'border-width': 3, 'border-color': '#000' } },
      ],
      // breadthfirst from the focus: readable and cheap (force layouts froze the page on big neighbourhoods).
      layout: { name: 'breadthfirst', animate: false, directed: false, roots: props.focus ? [props.focus] : undefined, spacingFactor: 0.9 },
    });
    cy.on('tap', 'edge', (e) => setEdge(edges.find((l) => l.id === e.target.id()) ?? null));
    cy.on('tap', 'node', (e) => onFocus?.(e.target.id()));
    return () => cy.destroy();
  }, [nodes, edges, held, props.focus, onFocus]);

  if (!props.entities.length) return <p className="empty">No entities yet: the graph appears once the case has been correlated.</p>;
  return (
    <div className="graph" data-testid="graph">
      <div className="graph-legend">
        {Object.entries(COLOURS).map(([k, c]) => (
          <span key={k}>
            <i style={{ background: c }} /> {k}
          </span>
        ))}
        <span>— certain · - - inferred</span>
      </div>
      <div ref={ref} className="graph-canvas" data-testid="graph-canvas" data-nodes={nodes.length} data-edges={edges.length} data-held={held.size} />
      {edge && (
        <div className="graph-edge" data-testid="graph-edge">
          <strong>{edge.rule}</strong> ({edge.confidence}){edge.reason ? ` — ${edge.reason}` : ''}
          <ul className="evidence">
            {edge.evidence.map((id) => {
              const ev = props.eventsById.get(id);
              return (
                <li key={id}>
                  {ev ? (
                    <>
                      <span className="src">
                        {ev.src.input}:{ev.src.line}
                      </span>
                      <pre>{ev.text}</pre>
                    </>
                  ) : (
                    id
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
