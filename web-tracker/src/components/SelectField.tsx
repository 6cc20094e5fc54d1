import { type ReactNode, useId } from 'react';

/** A labelled KERN select with its hint tied to it (the tracking page's "when N are ahead" choices). */
export function SelectField(props: {
  label: string;
  hint: string;
  value: string;
  disabled?: boolean;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="kern-form-input tr-gap">
      <label className="kern-label" htmlFor={id}>
        {props.label}
      </label>
      <p className="kern-hint" id={hintId}>
        {props.hint}
      </p>
      <div className="kern-form-input__select-wrapper">
        <select
          id={id}
          className="kern-form-input__select"
          aria-describedby={hintId}
          value={props.value}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {props.children}
        </select>
      </div>
    </div>
  );
}
