import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.js';
import { useFirstLocation } from './PageHeading.js';

/**
 * Page frame shared by the apps: skip link, header with the product name and language switch, main landmark, and
 * the footer the app gives (citizen pages: LegalFooter).
 */
export function AppShell(props: { title: string; nav?: ReactNode; footer?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  useFirstLocation();
  return (
    <>
      <a className="bc-skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="bc-header">
        <div className="bc-header__inner">
          <p className="bc-header__title">{props.title}</p>
          {props.nav}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="bc-main">
        {props.children}
      </main>
      {props.footer}
    </>
  );
}
