import { graphql } from '../../../gql';

export const ManagedDeviceFields = graphql(`
  fragment ManagedDeviceFields on ManagedDevice {
    id
    officeId
    kind
    name
    status
    createdAt
    lastSeenAt
    pairedAt
    pairingCodeExpiresAt
    revokedAt
  }
`);

export const OfficeDevicesQuery = graphql(`
  query OfficeDevices($officeId: ID!) {
    officeDevices(officeId: $officeId) {
      __typename
      ... on OfficeDevices {
        officeId
        devices {
          ...ManagedDeviceFields
        }
      }
    }
  }
`);

export const RegisterDeviceMutation = graphql(`
  mutation RegisterDevice($officeId: ID!, $kind: Role!, $name: String!) {
    registerDevice(officeId: $officeId, kind: $kind, name: $name) {
      __typename
      ... on DevicePairingCode {
        code
        expiresAt
        device {
          ...ManagedDeviceFields
        }
      }
      ...InvalidInputFields
    }
  }
`);

export const RenameDeviceMutation = graphql(`
  mutation RenameDevice($deviceId: ID!, $name: String!) {
    renameDevice(deviceId: $deviceId, name: $name) {
      __typename
      ... on ManagedDevice {
        ...ManagedDeviceFields
      }
      ...InvalidInputFields
    }
  }
`);

export const RevokeDeviceMutation = graphql(`
  mutation RevokeDevice($deviceId: ID!) {
    revokeDevice(deviceId: $deviceId) {
      __typename
      ... on ManagedDevice {
        ...ManagedDeviceFields
      }
      ...InvalidInputFields
    }
  }
`);

export const NewPairingCodeMutation = graphql(`
  mutation NewPairingCode($deviceId: ID!) {
    newPairingCode(deviceId: $deviceId) {
      __typename
      ... on DevicePairingCode {
        code
        expiresAt
        device {
          ...ManagedDeviceFields
        }
      }
      ...InvalidInputFields
    }
  }
`);
