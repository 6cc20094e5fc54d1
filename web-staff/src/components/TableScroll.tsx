import type { ReactNode } from 'react';

/**
 * KERN's responsive table wrapper: on a narrow screen the table scrolls sideways inside it, so the wrapper is a
 * named region that keyboard users can focus and scroll (the usual pattern for scrolling tables).
 */
export function TableScroll(props: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="kern-table-responsive" aria-labelledby={props.labelledBy} tabIndex={0}>
      {props.children}
    </section>
  );
}
