import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/** Sets `<title>` to "page – app", in the current language; the app's title alone when no page is given. */
export function usePageTitle(page?: string) {
  const { t } = useTranslation();
  const app = t('app.title');
  // In step with what is rendered (a layout effect): the title is what a screen reader and the test read next.
  useLayoutEffect(() => {
    document.title = page ? `${page} – ${app}` : app;
  }, [page, app]);
}

/**
 * After a route change, moves focus to the new page's heading (or the main landmark while it loads), so
 * screen readers announce the page and keyboard users start at its top. The first page load keeps the
 * browser's own focus, so the skip link stays the first stop.
 */
export function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  // A layout effect, as in PageHeading: the focus moves in the same update that shows the new page.
  useLayoutEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    const main = document.getElementById('main');
    const heading = main?.querySelector<HTMLElement>('h1');
    if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    (heading ?? main)?.focus();
  }, [pathname]);
}
