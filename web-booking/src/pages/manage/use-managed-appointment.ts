import { useQuery } from '@apollo/client/react';
import { BOOKING_PAGES } from '@bc/schema/app-paths';
import { useLocation } from 'react-router';
import type { ManagedAppointmentFieldsFragment } from '../../gql/graphql';
import { ManagedAppointmentQuery } from '../../lib/appointment';

export type ManagedAppointment = ManagedAppointmentFieldsFragment;

/** The manage token from the address's fragment (#bcm_…); empty when there is none. */
export function useManageToken(): string {
  const { hash } = useLocation();
  try {
    return decodeURIComponent(hash.replace(/^#/, '')).trim();
  } catch {
    return '';
  }
}

/** Manage paths keep the token in the fragment. */
export function managePath(token: string, sub?: 'verschieben' | 'absagen') {
  const pathname = `/${BOOKING_PAGES.manage}`;
  return { pathname: sub ? `${pathname}/${sub}` : pathname, hash: token };
}

/**
 * The appointment behind the token in the address. Right after booking it comes from the cache (the booking's
 * answer); otherwise, and in the background then too, from the api.
 */
export function useManagedAppointment() {
  const token = useManageToken();
  const { data, loading, error, refetch } = useQuery(ManagedAppointmentQuery, {
    variables: { token },
    skip: !token,
    fetchPolicy: 'cache-and-network',
  });
  const result = data?.appointmentByToken;
  const appointment = result?.__typename === 'Appointment' ? result : undefined;
  const notFound = !token || result?.__typename === 'AppointmentNotFound';
  return { token, appointment, notFound, loading: loading && !data, error: data ? undefined : error, refetch };
}

/** Whether the citizen may still move or cancel it: the api decides (booked and not yet begun, on its clock). */
export function isChangeable(a: ManagedAppointment): boolean {
  return a.changeable;
}
