/** What a view shows before it has data: what will be here, and how to get it. */
export function EmptyState(props: { title: string; children: React.ReactNode }) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <h3>{props.title}</h3>
      <div className="empty">{props.children}</div>
    </div>
  );
}
