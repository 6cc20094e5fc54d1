import type { ReactNode } from 'react';
import { TableScroll } from '../../components/TableScroll';

/** A statistics table under its heading (and an optional note), scrolling sideways on narrow screens. */
export function StatsTable(props: { id: string; title: string; note?: string; children: ReactNode }) {
  return (
    <div className="bc-stack-sm">
      <h2 id={`${props.id}-heading`} className="kern-heading-medium">
        {props.title}
      </h2>
      {props.note && <p className="kern-body kern-body--small">{props.note}</p>}
      <TableScroll labelledBy={`${props.id}-heading`}>
        <table className="kern-table kern-table--small" aria-labelledby={`${props.id}-heading`}>
          {props.children}
        </table>
      </TableScroll>
    </div>
  );
}
