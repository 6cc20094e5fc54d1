import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../gql';
import { MeQuery, useMe } from '../session/me';
import { MainNav } from './MainNav';

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/** The areas of the app, who is signed in and the logout button; nothing while signed out. */
export function HeaderNav() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const { data } = useMe();
  const [logout, { loading }] = useMutation(LogoutMutation);
  const [failed, setFailed] = useState(false);
  const me = data?.me;
  if (!me) return null;

  const onLogout = async () => {
    setFailed(false);
    try {
      await logout();
    } catch {
      setFailed(true);
      return;
    }
    // Nothing of this session may stay in memory; then record that no one is signed in.
    await client.clearStore();
    client.writeQuery({ query: MeQuery, data: { me: null } });
    navigate('/login', { replace: true });
  };

  return (
    <>
      <MainNav />
      <nav className="bc-staff-nav" aria-label={t('nav.label')}>
        <span className="kern-body">{me.displayName}</span>
        <Link className="kern-link" to="/konto/passwort">
          {t('nav.ownPassword')}
        </Link>
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          disabled={loading}
          onClick={() => void onLogout()}
        >
          <span className="kern-icon kern-icon--logout" aria-hidden="true" />
          <span className="kern-label">{t('nav.logout')}</span>
        </button>
        {failed && (
          <p className="kern-error" role="alert">
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <span className="kern-body">{t('nav.logoutFailed')}</span>
          </p>
        )}
      </nav>
    </>
  );
}
