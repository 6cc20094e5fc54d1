import { useMutation } from '@apollo/client/react';
import { usePageTitle } from '@bc/schema';
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Location, Navigate, useLocation, useNavigate } from 'react-router';
import { graphql } from '../gql';
import { MeQuery, useMe } from '../session/me';

const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      __typename
      ... on LoginSuccess {
        me {
          ...StaffUserFields
        }
      }
      ... on TooManyAttempts {
        retryAfterSeconds
      }
    }
  }
`);

type Failure = { kind: 'invalid' } | { kind: 'locked'; minutes: number } | { kind: 'unexpected' };
type FieldErrors = { username: boolean; password: boolean };

/** Where to go after signing in: the page that sent the visitor here, else the start page. */
function targetAfterLogin(state: unknown): string {
  const from = (state as { from?: Partial<Location> } | null)?.from;
  const path = from?.pathname;
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || path === '/login') return '/';
  return `${path}${from?.search ?? ''}${from?.hash ?? ''}`;
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  usePageTitle(t('login.title'));
  const signedIn = !!useMe().data?.me;

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({ username: false, password: false });
  const [failure, setFailure] = useState<Failure>();
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const [login] = useMutation(LoginMutation, {
    update(cache, { data }) {
      if (data?.login.__typename === 'LoginSuccess') cache.writeQuery({ query: MeQuery, data: { me: data.login.me } });
    },
  });

  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);

  // Already signed in (another tab, or the back button): nothing to do here.
  if (signedIn) return <Navigate to={targetAfterLogin(location.state)} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy.current) return;
    const errors = { username: username.trim() === '', password: password === '' };
    setFieldErrors(errors);
    setFailure(undefined);
    if (errors.username || errors.password) {
      (errors.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    busy.current = true;
    setSubmitting(true);
    try {
      const { data } = await login({ variables: { username: username.trim(), password } });
      const result = data?.login;
      switch (result?.__typename) {
        case 'LoginSuccess':
          navigate(targetAfterLogin(location.state), { replace: true });
          return;
        case 'InvalidCredentials':
          setFailure({ kind: 'invalid' });
          return;
        case 'TooManyAttempts':
          setFailure({ kind: 'locked', minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) });
          return;
        default:
          setFailure({ kind: 'unexpected' });
      }
    } catch {
      setFailure({ kind: 'unexpected' });
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  };

  return (
    <>
      <h1 className="kern-heading-large">{t('login.title')}</h1>
      <p className="kern-body">{t('login.intro')}</p>
      {failure && (
        <div ref={alertRef} className="kern-alert kern-alert--danger bc-login-alert" role="alert" tabIndex={-1}>
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <h2 className="kern-title">{t('login.failedTitle')}</h2>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">
              {failure.kind === 'locked'
                ? t('login.locked', { count: failure.minutes })
                : t(failure.kind === 'invalid' ? 'login.invalid' : 'login.unexpected')}
            </p>
          </div>
        </div>
      )}
      <form className="bc-login-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <TextField
          id="username"
          label={t('login.username')}
          autoComplete="username"
          value={username}
          onChange={setUsername}
          error={fieldErrors.username ? t('login.usernameMissing') : undefined}
          inputRef={usernameRef}
        />
        <TextField
          id="password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={fieldErrors.password ? t('login.passwordMissing') : undefined}
          inputRef={passwordRef}
        />
        <div>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={submitting}>
            <span className="kern-label">{t(submitting ? 'login.submitting' : 'login.submit')}</span>
          </button>
        </div>
      </form>
    </>
  );
}

function TextField(props: {
  id: string;
  label: string;
  type?: 'text' | 'password';
  autoComplete: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const errorId = `${props.id}-error`;
  const invalid = props.error !== undefined;
  return (
    <div className={`kern-form-input${invalid ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={props.id}>
        {props.label}
      </label>
      <input
        ref={props.inputRef}
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        className={`kern-form-input__input${invalid ? ' kern-form-input__input--error' : ''}`}
        autoComplete={props.autoComplete}
        autoCapitalize="none"
        spellCheck={false}
        required
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {invalid && (
        <p className="kern-error" id={errorId}>
          <span className="kern-icon kern-icon--danger" aria-hidden="true" />
          <span className="kern-body">{props.error}</span>
        </p>
      )}
    </div>
  );
}
