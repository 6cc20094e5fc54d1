import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';

/** What the app shows of the signed-in staff member; the login result selects the same fields. */
export const StaffUserFields = graphql(`
  fragment StaffUserFields on StaffUser {
    id
    username
    displayName
    roles
    offices {
      id
      name
      slug
      enabled
      timeZone
      address {
        street
        postalCode
        city
      }
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...StaffUserFields
    }
  }
`);

/** The signed-in staff member (null when signed out), from the cache once known. */
export function useMe() {
  return useQuery(MeQuery);
}
