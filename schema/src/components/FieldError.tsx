/** The error under a field; its id goes into the field's aria-describedby. */
export function FieldError(props: { id: string; text: string; live?: boolean }) {
  return (
    <p className="kern-error" id={props.id} role={props.live ? 'alert' : undefined}>
      <span className="kern-icon kern-icon--danger" aria-hidden="true" />
      <span className="kern-body">{props.text}</span>
    </p>
  );
}

/** Joins ids for aria-describedby, skipping the absent ones. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}
