import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { StaffUserFieldsFragment } from '../gql/graphql';

/** One of the offices the signed-in staff member works in. */
export type StaffOffice = StaffUserFieldsFragment['offices'][number];

const STORAGE_KEY = 'bc.staff.office';

/** The office last worked in on this device (its slug), so the navigation goes straight back there. */
export function rememberedOfficeSlug(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberOffice(slug: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, slug);
  } catch {
    // private mode: the choice is simply not remembered
  }
}

/** Where an area (information desk, workstation) of the app opens for this account: its office, if it is clear. */
export function officeHome(base: string, offices: readonly { slug: string }[]): string {
  if (offices.length === 1 && offices[0]) return `${base}/${offices[0].slug}`;
  const remembered = rememberedOfficeSlug();
  if (remembered && offices.some((o) => o.slug === remembered)) return `${base}/${remembered}`;
  return base;
}

/** The services of the staff member's offices with what the desk and the workstation need to choose them. */
export const StaffOfficeServicesQuery = graphql(`
  query StaffOfficeServices {
    me {
      id
      offices {
        id
        services {
          id
          name
          durationMinutes
          walkInAllowed
          maxPerBooking
        }
      }
    }
  }
`);

export type OfficeService = {
  id: string;
  name: string;
  durationMinutes: number;
  walkInAllowed: boolean;
  maxPerBooking: number;
};

/** The active services of one of the staff member's offices (empty while loading). */
export function useOfficeServices(officeId: string): { services: OfficeService[]; loaded: boolean } {
  const { data } = useQuery(StaffOfficeServicesQuery);
  const office = data?.me?.offices.find((o) => o.id === officeId);
  return { services: office?.services ?? [], loaded: !!data };
}
