import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LEGAL_PAGES } from '../app-paths.js';

/** The footer of every citizen page: Impressum, Datenschutz, Barrierefreiheit (routes of the app it is in). */
export function LegalFooter() {
  const { t } = useTranslation();
  return (
    <footer className="bc-footer">
      <nav className="bc-footer__inner" aria-label={t('common.legal.nav')}>
        <ul className="bc-footer__links">
          {(Object.keys(LEGAL_PAGES) as (keyof typeof LEGAL_PAGES)[]).map((kind) => (
            <li key={kind}>
              <Link className="kern-link" to={`/${LEGAL_PAGES[kind]}`}>
                {t(`common.legal.${kind}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </footer>
  );
}
