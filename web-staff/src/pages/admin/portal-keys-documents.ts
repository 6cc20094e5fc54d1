import { graphql } from '../../gql';

export const PortalApiKeyFields = graphql(`
  fragment PortalApiKeyFields on PortalApiKey {
    id
    name
    prefix
    createdAt
    revokedAt
    lastUsedAt
    requestsPerMinute
    effectiveRequestsPerMinute
  }
`);

export const PortalApiKeysQuery = graphql(`
  query PortalApiKeys {
    portalApiKeys {
      ...PortalApiKeyFields
    }
  }
`);

export const CreatePortalApiKeyMutation = graphql(`
  mutation CreatePortalApiKey($name: String!, $requestsPerMinute: Int) {
    createPortalApiKey(name: $name, requestsPerMinute: $requestsPerMinute) {
      __typename
      ... on CreatedPortalApiKey {
        key
        apiKey {
          ...PortalApiKeyFields
        }
      }
      ...InvalidInputFields
    }
  }
`);

export const RenamePortalApiKeyMutation = graphql(`
  mutation RenamePortalApiKey($id: ID!, $name: String!) {
    renamePortalApiKey(id: $id, name: $name) {
      __typename
      ...PortalApiKeyFields
      ...InvalidInputFields
    }
  }
`);

export const SetPortalApiKeyLimitsMutation = graphql(`
  mutation SetPortalApiKeyLimits($id: ID!, $requestsPerMinute: Int) {
    setPortalApiKeyLimits(id: $id, requestsPerMinute: $requestsPerMinute) {
      __typename
      ...PortalApiKeyFields
      ...InvalidInputFields
    }
  }
`);

export const RevokePortalApiKeyMutation = graphql(`
  mutation RevokePortalApiKey($id: ID!) {
    revokePortalApiKey(id: $id) {
      __typename
      ...PortalApiKeyFields
      ...InvalidInputFields
    }
  }
`);
