import { describedBy, FieldError } from '@bc/schema';
import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

export type Problem = { field: string; code: string };

/** The German (or English) sentence for an api problem code; unknown codes get a general one. */
export function useProblemText() {
  const { t } = useTranslation();
  return (code: string) => t(`officeAdmin.problem.${code}`, { defaultValue: t('fieldCodes.other') });
}

/** A labelled input with its hint and the api's error tied to it (aria-invalid, aria-describedby). */
export function AdminField(
  props: {
    id: string;
    label: string;
    hint?: string;
    problem?: Problem;
    value: string;
    onValue: (v: string) => void;
    className?: string;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id' | 'className'>,
) {
  const problemText = useProblemText();
  const { id, label, hint, problem, value, onValue, className, ...rest } = props;
  return (
    <div className={`kern-form-input${problem ? ' kern-form-input--error' : ''} ${className ?? ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <input
        id={id}
        className={`kern-form-input__input${problem ? ' kern-form-input__input--error' : ''}`}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, problem && `${id}-error`)}
        onChange={(e) => onValue(e.target.value)}
        {...rest}
      />
      {problem && <FieldError id={`${id}-error`} text={problemText(problem.code)} />}
    </div>
  );
}

export type TimeInterval = { opensAt: string; closesAt: string };

/**
 * The two time inputs of one opening interval ("von", "bis"), each with its error tied to it; `label` names the
 * interval for screen readers ("Montag, Zeitraum 1").
 */
export function IntervalTimeInputs(props: {
  idBase: string;
  label: string;
  interval: TimeInterval;
  problemOf: (field: keyof TimeInterval) => Problem | undefined;
  onChange: (field: keyof TimeInterval, value: string) => void;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return (['opensAt', 'closesAt'] as const).map((field) => {
    const id = `${props.idBase}-${field}`;
    const problem = props.problemOf(field);
    return (
      <div key={field} className={`kern-form-input${problem ? ' kern-form-input--error' : ''}`}>
        <label className="kern-label" htmlFor={id}>
          <span className="kern-sr-only">{props.label}: </span>
          {t(`officeAdmin.hours.${field}`)}
        </label>
        <input
          id={id}
          type="time"
          className={`kern-form-input__input${problem ? ' kern-form-input__input--error' : ''}`}
          value={props.interval[field]}
          required
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy(problem && `${id}-error`)}
          onChange={(e) => props.onChange(field, e.target.value)}
        />
        {problem && <FieldError id={`${id}-error`} text={problemText(problem.code)} />}
      </div>
    );
  });
}
