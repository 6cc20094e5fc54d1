import { describedBy, FieldError, useText } from '@bc/schema';
import type { HTMLInputAutoCompleteAttribute } from 'react';

/** A KERN text input with label, optional hint, and its error tied to it (aria-invalid, aria-describedby). */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'tel';
  autoComplete: HTMLInputAutoCompleteAttribute;
  hint?: string;
  optional?: boolean;
  error?: string;
  maxLength?: number;
}) {
  const { t } = useText();
  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-error`;
  const invalid = props.error !== undefined;
  return (
    <div className={`kern-form-input${invalid ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={props.id}>
        {props.label}
        {props.optional && <span className="kern-label__optional"> {t('form.optional')}</span>}
      </label>
      {props.hint && (
        <p className="kern-hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        className={`kern-form-input__input${invalid ? ' kern-form-input__input--error' : ''}`}
        autoComplete={props.autoComplete}
        required={!props.optional}
        maxLength={props.maxLength}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(props.hint && hintId, invalid && errorId)}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {invalid && <FieldError id={errorId} text={props.error as string} />}
    </div>
  );
}
