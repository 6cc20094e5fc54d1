import { graphql } from '../../../gql';

export const StaffAccountFields = graphql(`
  fragment StaffAccountFields on StaffAccount {
    id
    username
    displayName
    roles
    active
    lastLoginAt
    passwordLinkExpiresAt
    offices {
      id
      name
    }
  }
`);

export const StaffAccountsQuery = graphql(`
  query StaffAccounts($officeId: ID) {
    staffAccounts(officeId: $officeId) {
      ...StaffAccountFields
    }
  }
`);

export const CreateStaffAccountMutation = graphql(`
  mutation CreateStaffAccount($input: CreateStaffAccountInput!) {
    createStaffAccount(input: $input) {
      __typename
      ... on StaffAccount {
        ...StaffAccountFields
      }
      ...InvalidInputFields
      ... on OfficeNotAllowed {
        message
      }
    }
  }
`);

export const UpdateStaffAccountMutation = graphql(`
  mutation UpdateStaffAccount($id: ID!, $input: UpdateStaffAccountInput!) {
    updateStaffAccount(id: $id, input: $input) {
      __typename
      ... on StaffAccount {
        ...StaffAccountFields
      }
      ...InvalidInputFields
      ... on OfficeNotAllowed {
        message
      }
    }
  }
`);

export const DeactivateStaffAccountMutation = graphql(`
  mutation DeactivateStaffAccount($id: ID!) {
    deactivateStaffAccount(id: $id) {
      __typename
      ... on StaffAccount {
        ...StaffAccountFields
      }
      ...InvalidInputFields
      ... on OfficeNotAllowed {
        message
      }
    }
  }
`);

export const ReactivateStaffAccountMutation = graphql(`
  mutation ReactivateStaffAccount($id: ID!) {
    reactivateStaffAccount(id: $id) {
      __typename
      ... on StaffAccount {
        ...StaffAccountFields
      }
      ...InvalidInputFields
      ... on OfficeNotAllowed {
        message
      }
    }
  }
`);

export const IssuePasswordLinkMutation = graphql(`
  mutation IssuePasswordLink($id: ID!) {
    issuePasswordLink(id: $id) {
      __typename
      ... on PasswordLink {
        accountId
        url
        expiresAt
      }
      ...InvalidInputFields
      ... on OfficeNotAllowed {
        message
      }
    }
  }
`);

export const SetPasswordWithLinkMutation = graphql(`
  mutation SetPasswordWithLink($code: String!, $newPassword: String!) {
    setPasswordWithLink(code: $code, newPassword: $newPassword) {
      __typename
      ... on PasswordSet {
        username
      }
      ... on PasswordLinkRefused {
        code
      }
      ...InvalidInputFields
      ... on TooManyAttempts {
        retryAfterSeconds
      }
    }
  }
`);
