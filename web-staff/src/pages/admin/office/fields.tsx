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
