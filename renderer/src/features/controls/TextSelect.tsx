/** A select over strings that are their own labels (zones, formats, severities, TLP levels). */
export function TextSelect<T extends string>(props: { value: T; options: readonly T[]; onChange(value: T): void; testId?: string; title?: string }) {
  return (
    <select data-testid={props.testId} value={props.value} title={props.title} onChange={(e) => props.onChange(e.target.value as T)}>
      {props.options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}
