import { useMutation } from '@apollo/client/react';
import { usePageTitle } from '@bc/schema';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useProblemText } from './admin/staff/AccountDialog';
import { SetPasswordWithLinkMutation } from './admin/staff/staff-documents';
import { lockedMinutes, NewPasswordInputs, newPasswordErrors } from './NewPasswordInputs';

type Failure =
  | { kind: 'refused'; code: string }
  | { kind: 'locked'; minutes: number }
  | { kind: 'unexpected' }
  | { kind: 'noCode' };

/** The code of a password link: in the fragment (`#code=…`), so that it never reaches a server or its logs. */
function codeOf(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('code')?.trim() ?? '';
}

/** /passwort#code=… — public: sets a staff account's password with a one-time link, then on to sign-in. */
export function SetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('setPassword.title'));
  const code = codeOf(useLocation().hash);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [failure, setFailure] = useState<Failure | undefined>(code ? undefined : { kind: 'noCode' });
  const [done, setDone] = useState<string>();
  const [setPasswordWithLink, { loading }] = useMutation(SetPasswordWithLinkMutation);
  const text = useProblemText();
  const passwordRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setFailure(undefined);
    const next = newPasswordErrors(t, password, repeat);
    setErrors(next);
    if (next.password || next.repeat) {
      (next.password ? passwordRef : repeatRef).current?.focus();
      return;
    }
    try {
      const { data } = await setPasswordWithLink({ variables: { code, newPassword: password } });
      const r = data?.setPasswordWithLink;
      switch (r?.__typename) {
        case 'PasswordSet':
          // The code is spent: drop it from the address bar and history.
          window.history.replaceState(window.history.state, '', window.location.pathname);
          setDone(r.username);
          return;
        case 'InvalidInput':
          setErrors({ password: text('newPassword', r.fields[0]?.code ?? 'other') });
          passwordRef.current?.focus();
          return;
        case 'PasswordLinkRefused':
          setFailure({ kind: 'refused', code: r.code });
          return;
        case 'TooManyAttempts':
          setFailure({ kind: 'locked', minutes: lockedMinutes(r.retryAfterSeconds) });
          return;
        default:
          setFailure({ kind: 'unexpected' });
      }
    } catch {
      setFailure({ kind: 'unexpected' });
    }
  };

  if (done)
    return (
      <div className="bc-stack">
        <h1 className="kern-heading-large">{t('setPassword.title')}</h1>
        <div className="kern-alert kern-alert--success" role="status">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--success" aria-hidden="true" />
            <p className="kern-title">{t('setPassword.done', { username: done })}</p>
          </div>
        </div>
        <p className="kern-body">
          <Link ref={doneRef} className="kern-link" to="/login">
            {t('setPassword.toLogin')}
          </Link>
        </p>
      </div>
    );

  const failureText = (f: Failure) => {
    switch (f.kind) {
      case 'refused':
        return t(`setPassword.refused.${f.code}`, t('setPassword.refused.UNKNOWN'));
      case 'locked':
        return t('setPassword.locked', { count: f.minutes });
      case 'noCode':
        return t('setPassword.noCode');
      default:
        return t('setPassword.unexpected');
    }
  };

  return (
    <div className="bc-stack">
      <h1 className="kern-heading-large">{t('setPassword.title')}</h1>
      <p className="kern-body">{t('setPassword.intro')}</p>
      {failure && (
        <div ref={alertRef} className="kern-alert kern-alert--danger" role="alert" tabIndex={-1}>
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <h2 className="kern-title">{t('setPassword.failedTitle')}</h2>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">{failureText(failure)}</p>
          </div>
        </div>
      )}
      {code && (
        <form className="bc-login-form" noValidate onSubmit={(e) => void onSubmit(e)}>
          <NewPasswordInputs
            password={password}
            onPassword={setPassword}
            passwordError={errors.password}
            passwordRef={passwordRef}
            repeat={repeat}
            onRepeat={setRepeat}
            repeatError={errors.repeat}
            repeatRef={repeatRef}
          />
          <div>
            <button type="submit" className="kern-btn kern-btn--primary" disabled={loading}>
              <span className="kern-label">{t('setPassword.submit')}</span>
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
