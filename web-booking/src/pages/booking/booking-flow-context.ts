import { createContext, useContext } from 'react';
import type { BookingOfficeQuery } from '../../gql/graphql';
import type { BookingDraft } from '../../lib/draft';
import type { FieldIssue } from '../../lib/field-errors';

/*
 * What the booking flow hands its steps. It lives apart from BookingFlow.tsx, which renders the steps, so that the
 * steps import this file and not the component that imports them (no import cycle).
 */

export type BookingOffice = NonNullable<BookingOfficeQuery['office']>;
export type BookableService = BookingOffice['services'][number];

/** Addresses of the steps; each step is its own history entry, so the browser's Back goes one step back. */
export function stepPaths(slug: string) {
  const base = `/${slug}/termin`;
  return {
    office: `/${slug}`,
    services: base,
    time: `${base}/zeit`,
    contact: `${base}/kontakt`,
    review: `${base}/pruefen`,
  };
}

export type Flow = {
  office: BookingOffice;
  /** Only the services that can be booked online, in the catalogue's order. */
  services: readonly BookableService[];
  draft: BookingDraft;
  update: (change: Partial<BookingDraft> | ((d: BookingDraft) => BookingDraft)) => void;
  /** Problems the api reported on booking, shown on the step where they can be corrected. */
  issues: readonly FieldIssue[];
  setIssues: (issues: readonly FieldIssue[]) => void;
  paths: ReturnType<typeof stepPaths>;
};

export const FlowContext = createContext<Flow | null>(null);

export function useBookingFlow(): Flow {
  const flow = useContext(FlowContext);
  if (!flow) throw new Error('useBookingFlow outside the booking flow');
  return flow;
}
