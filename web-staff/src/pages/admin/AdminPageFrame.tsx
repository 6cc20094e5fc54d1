import type { ErrorLike } from '@apollo/client';
import { QueryState, usePageTitle } from '@bc/schema';
import type { ReactNode, Ref } from 'react';
import { Link } from 'react-router';
import { OfficeLine } from '../../components/OfficeScope';
import { ADMIN_BASE } from '../../lib/paths';
import type { StaffOffice } from '../../session/offices';

/**
 * The frame of an administration page: the browser title ("Öffnungszeiten – Bürgeramt Mitte"), the heading block
 * (h1, the office the page is about, the way back to the administration, an intro) and the page beneath it.
 * Without an office the page concerns all offices: no office line, and the way back leads to `/verwaltung`.
 */
export function AdminPageFrame(props: {
  title: string;
  office?: StaffOffice;
  /** Extra class of the page's stack ("bc-catalog"). */
  className?: string;
  /** The heading block's stack; "bc-stack-sm" unless given. */
  headClassName?: string;
  /** For pages that move the focus to their heading (it gets tabIndex -1). */
  headingRef?: Ref<HTMLHeadingElement>;
  /** The text of a link back to the administration's start (of the office, if there is one). */
  back?: string;
  /** A paragraph beneath the office line and the way back. */
  intro?: string;
  /** Beneath the intro, inside the heading block (the page's main button). */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { office } = props;
  usePageTitle(office ? `${props.title} – ${office.name}` : props.title);
  return (
    <div className={props.className ? `bc-stack-lg ${props.className}` : 'bc-stack-lg'}>
      <div className={props.headClassName ?? 'bc-stack-sm'}>
        <h1 className="kern-heading-large" ref={props.headingRef} tabIndex={props.headingRef ? -1 : undefined}>
          {props.title}
        </h1>
        {office && <OfficeLine base={ADMIN_BASE} office={office} />}
        {props.back && (
          <p className="kern-body">
            <Link className="kern-link" to={office ? `${ADMIN_BASE}/${office.slug}` : ADMIN_BASE}>
              {props.back}
            </Link>
          </p>
        )}
        {props.intro && <p className="kern-body">{props.intro}</p>}
        {props.actions}
      </div>
      {props.children}
    </div>
  );
}

/**
 * An office query's loading or error state, and the refusal when the account may not administer the office
 * (`notAllowed`: its text, or nothing when the query was not refused).
 */
export function AdminQueryState(props: {
  loading: boolean;
  error?: ErrorLike;
  onRetry: () => void;
  notAllowed?: string | false;
}) {
  return (
    <>
      <QueryState loading={props.loading} error={props.error} onRetry={props.onRetry} />
      {props.notAllowed && (
        <p className="kern-body" role="alert">
          {props.notAllowed}
        </p>
      )}
    </>
  );
}
