import { graphql } from '../../gql';

export const AuditLogQuery = graphql(`
  query AuditLog(
    $from: DateTimeISO
    $to: DateTimeISO
    $actorKind: String
    $staffUserId: ID
    $deviceId: ID
    $apiKeyId: ID
    $operation: String
    $outcome: String
    $before: ID
    $limit: Int!
  ) {
    auditLog(
      from: $from
      to: $to
      actorKind: $actorKind
      staffUserId: $staffUserId
      deviceId: $deviceId
      apiKeyId: $apiKeyId
      operation: $operation
      outcome: $outcome
      before: $before
      limit: $limit
    ) {
      id
      at
      actorKind
      staffName
      deviceName
      apiKeyName
      operation
      ids
      outcome
    }
  }
`);

export const AuditFacetsQuery = graphql(`
  query AuditFacets($from: DateTimeISO, $to: DateTimeISO) {
    auditFacets(from: $from, to: $to) {
      operations
      outcomes
      actors {
        actorKind
        staffUserId
        staffName
        deviceId
        deviceName
        apiKeyId
        apiKeyName
      }
    }
  }
`);
