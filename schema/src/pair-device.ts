import { gql, type TypedDocumentNode } from '@apollo/client';

export type PairDeviceData = {
  pairDevice:
    | { __typename: 'DevicePaired'; token: string; device: { id: string; kind: string; name: string } }
    | { __typename: 'PairingCodeRejected'; reason: 'UNKNOWN' | 'EXPIRED' | 'USED' }
    | { __typename: 'LimitReached'; retryAfterSeconds: number | null };
};

/**
 * The one operation of the shared pairing form. Written here (the SPAs generate their documents, the kit does not),
 * typed by hand and checked against schema.graphql by `test/pair-device.test.ts`.
 */
export const PairDeviceMutation: TypedDocumentNode<PairDeviceData, { code: string }> = gql`
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
`;
