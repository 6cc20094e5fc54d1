import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { TextInput } from './admin/staff/AccountDialog';

/** The new password (the rules as its hint) and its repetition, as the link page and the own-password page ask. */
export function NewPasswordInputs(props: {
  password: string;
  onPassword: (value: string) => void;
  passwordError?: string;
  passwordRef: Ref<HTMLInputElement>;
  repeat: string;
  onRepeat: (value: string) => void;
  repeatError?: string;
  repeatRef: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        id="new-password"
        type="password"
        label={t('setPassword.password')}
        hint={t('setPassword.rules')}
        autoComplete="new-password"
        value={props.password}
        onChange={props.onPassword}
        error={props.passwordError}
        inputRef={props.passwordRef}
      />
      <TextInput
        id="repeat-password"
        type="password"
        label={t('setPassword.repeat')}
        autoComplete="new-password"
        value={props.repeat}
        onChange={props.onRepeat}
        error={props.repeatError}
        inputRef={props.repeatRef}
      />
    </>
  );
}

/** The checks before sending: a new password is given and repeated exactly. */
export function newPasswordErrors(
  t: (key: string) => string,
  password: string,
  repeat: string,
): { password?: string; repeat?: string } {
  return {
    password: password === '' ? t('setPassword.required') : undefined,
    repeat: password !== '' && repeat !== password ? t('setPassword.mismatch') : undefined,
  };
}

/** Whole minutes to wait after too many attempts, at least one. */
export const lockedMinutes = (retryAfterSeconds: number) => Math.max(1, Math.ceil(retryAfterSeconds / 60));
