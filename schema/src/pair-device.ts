import { graphql } from './gql/documents/index.js';

/** The one operation of the shared pairing form (typed by the kit's codegen). */
export const PairDeviceMutation = graphql(`
  mutation PairDevice($code: String!) {
    pairDevice(code: $code) {
      __typename
      ... on DevicePaired {
        token
        device {
          id
          kind
          name
        }
      }
      ... on PairingCodeRejected {
        reason
      }
      ... on LimitReached {
        retryAfterSeconds
      }
    }
  }
`);
