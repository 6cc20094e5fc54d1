import type { ReactNode } from 'react';

/**
 * KERN's responsive table wrapper: on a narrow screen the table scrolls sideways inside it, so the wrapper is a
 * named, focusable region that keyboard users can scroll too.
 */
export function TableScroll(props: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <div className="kern-table-responsive" role="region" aria-labelledby={props.labelledBy} tabIndex={0}>
      {props.children}
    </div>
  );
}
