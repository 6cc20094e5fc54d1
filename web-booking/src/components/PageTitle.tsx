import { usePageTitle } from '@bc/schema';

/**
 * Sets the window title from where it is rendered. Effects run child first, so a page that renders different
 * children (loading, not found, found) lets the rendered child own the title instead of overriding it.
 */
export function PageTitle(props: { title?: string }) {
  usePageTitle(props.title);
  return null;
}
