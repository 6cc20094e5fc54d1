import { type ReactNode, useLayoutEffect, useRef } from 'react';
import { useLocation } from 'react-router';

let firstLocationKey: string | undefined;

/**
 * Remembers the location the app was loaded at. The page frame (AppShell) calls it on its first render, before any
 * page's code or data has arrived: a citizen may follow a link (the footer's) before the first page shows its
 * heading, and the next page must still count as an in-app navigation.
 */
export function useFirstLocation(): void {
  const { key } = useLocation();
  firstLocationKey ??= key;
}

/**
 * The page's one h1. After an in-app navigation it takes the focus, so screen readers announce the new
 * page and the next Tab starts from the top of it; on the first load the browser's own focus stays.
 */
export function PageHeading(props: { children: ReactNode; lang?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  // In step with what is rendered (a layout effect, before the paint): the new page never shows at the old scroll
  // position, and the heading has the focus as soon as it can be seen.
  useLayoutEffect(() => {
    firstLocationKey ??= key;
    if (key === firstLocationKey) return;
    window.scrollTo({ top: 0, behavior: 'instant' });
    ref.current?.focus({ preventScroll: true });
  }, [key]);
  return (
    <h1 ref={ref} tabIndex={-1} lang={props.lang} className="kern-heading-large bc-page-heading">
      {props.children}
    </h1>
  );
}
