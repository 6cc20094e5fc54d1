/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  subscription LiveServerTime {\n    serverTime\n  }\n": typeof types.LiveServerTimeDocument,
    "\n  query CurrentDisplay {\n    currentDevice {\n      id\n      kind\n      office {\n        id\n        name\n        timeZone\n        notice\n      }\n    }\n  }\n": typeof types.CurrentDisplayDocument,
    "\n  subscription DisplayCallBoard($officeId: ID!) {\n    callBoard(officeId: $officeId) {\n      officeId\n      officeName\n      notice\n      at\n      calls {\n        key\n        number\n        counterLabel\n        calledAt\n        callCount\n        active\n      }\n      services {\n        serviceId\n        name\n        waiting\n        expectedWaitMinutes\n        texts {\n          language\n          name\n          description\n        }\n      }\n    }\n  }\n": typeof types.DisplayCallBoardDocument,
    "\n  fragment TrackedTicketFields on PublicTicket {\n    number\n    status\n    officeId\n    officeName\n    officeNotice\n    priority\n    issuedAt\n    calledAt\n    counterLabel\n    services {\n      serviceId\n      name\n      count\n      texts {\n        language\n        name\n        description\n      }\n    }\n    estimate {\n      expectedCallAt\n      earliestCallAt\n      latestCallAt\n      peopleAhead\n    }\n  }\n": typeof types.TrackedTicketFieldsFragmentDoc,
    "\n  subscription TrackedTicket($token: String!) {\n    trackedTicket(token: $token) {\n      __typename\n      ... on PublicTicket {\n        ...TrackedTicketFields\n      }\n    }\n  }\n": typeof types.TrackedTicketDocument,
    "\n  query TrackedOfficeTimeZone($id: ID!) {\n    office(id: $id) {\n      id\n      timeZone\n      contact {\n        phone\n        phoneUri\n      }\n    }\n  }\n": typeof types.TrackedOfficeTimeZoneDocument,
    "\n  query PushPublicKey {\n    pushPublicKey\n  }\n": typeof types.PushPublicKeyDocument,
    "\n  mutation SubscribeToPush($token: String!, $subscription: PushSubscriptionInput!) {\n    subscribeToPush(token: $token, subscription: $subscription) {\n      __typename\n      ... on PushSubscribed {\n        aheadThreshold\n      }\n      ... on ExpectedError {\n        message\n      }\n    }\n  }\n": typeof types.SubscribeToPushDocument,
    "\n  mutation UnsubscribeFromPush($token: String!, $endpoint: String!) {\n    unsubscribeFromPush(token: $token, endpoint: $endpoint) {\n      __typename\n    }\n  }\n": typeof types.UnsubscribeFromPushDocument,
    "\n  mutation LeaveQueue($token: String!) {\n    leaveQueue(token: $token) {\n      __typename\n      ... on PublicTicket {\n        ...TrackedTicketFields\n      }\n      ... on NotAllowed {\n        message\n      }\n    }\n  }\n": typeof types.LeaveQueueDocument,
};
const documents: Documents = {
    "\n  subscription LiveServerTime {\n    serverTime\n  }\n": types.LiveServerTimeDocument,
    "\n  query CurrentDisplay {\n    currentDevice {\n      id\n      kind\n      office {\n        id\n        name\n        timeZone\n        notice\n      }\n    }\n  }\n": types.CurrentDisplayDocument,
    "\n  subscription DisplayCallBoard($officeId: ID!) {\n    callBoard(officeId: $officeId) {\n      officeId\n      officeName\n      notice\n      at\n      calls {\n        key\n        number\n        counterLabel\n        calledAt\n        callCount\n        active\n      }\n      services {\n        serviceId\n        name\n        waiting\n        expectedWaitMinutes\n        texts {\n          language\n          name\n          description\n        }\n      }\n    }\n  }\n": types.DisplayCallBoardDocument,
    "\n  fragment TrackedTicketFields on PublicTicket {\n    number\n    status\n    officeId\n    officeName\n    officeNotice\n    priority\n    issuedAt\n    calledAt\n    counterLabel\n    services {\n      serviceId\n      name\n      count\n      texts {\n        language\n        name\n        description\n      }\n    }\n    estimate {\n      expectedCallAt\n      earliestCallAt\n      latestCallAt\n      peopleAhead\n    }\n  }\n": types.TrackedTicketFieldsFragmentDoc,
    "\n  subscription TrackedTicket($token: String!) {\n    trackedTicket(token: $token) {\n      __typename\n      ... on PublicTicket {\n        ...TrackedTicketFields\n      }\n    }\n  }\n": types.TrackedTicketDocument,
    "\n  query TrackedOfficeTimeZone($id: ID!) {\n    office(id: $id) {\n      id\n      timeZone\n      contact {\n        phone\n        phoneUri\n      }\n    }\n  }\n": types.TrackedOfficeTimeZoneDocument,
    "\n  query PushPublicKey {\n    pushPublicKey\n  }\n": types.PushPublicKeyDocument,
    "\n  mutation SubscribeToPush($token: String!, $subscription: PushSubscriptionInput!) {\n    subscribeToPush(token: $token, subscription: $subscription) {\n      __typename\n      ... on PushSubscribed {\n        aheadThreshold\n      }\n      ... on ExpectedError {\n        message\n      }\n    }\n  }\n": types.SubscribeToPushDocument,
    "\n  mutation UnsubscribeFromPush($token: String!, $endpoint: String!) {\n    unsubscribeFromPush(token: $token, endpoint: $endpoint) {\n      __typename\n    }\n  }\n": types.UnsubscribeFromPushDocument,
    "\n  mutation LeaveQueue($token: String!) {\n    leaveQueue(token: $token) {\n      __typename\n      ... on PublicTicket {\n        ...TrackedTicketFields\n      }\n      ... on NotAllowed {\n        message\n      }\n    }\n  }\n": types.LeaveQueueDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveServerTime {\n    serverTime\n  }\n"): (typeof documents)["\n  subscription LiveServerTime {\n    serverTime\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentDisplay {\n    currentDevice {\n      id\n      kind\n      office {\n        id\n        name\n        timeZone\n        notice\n      }\n    }\n  }\n"): (typeof documents)["\n  query CurrentDisplay {\n    currentDevice {\n      id\n      kind\n      office {\n        id\n        name\n        timeZone\n        notice\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DisplayCallBoard($officeId: ID!) {\n    callBoard(officeId: $officeId) {\n      officeId\n      officeName\n      notice\n      at\n      calls {\n        key\n        number\n        counterLabel\n        calledAt\n        callCount\n        active\n      }\n      services {\n        serviceId\n        name\n        waiting\n        expectedWaitMinutes\n        texts {\n          language\n          name\n          description\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription DisplayCallBoard($officeId: ID!) {\n    callBoard(officeId: $officeId) {\n      officeId\n      officeName\n      notice\n      at\n      calls {\n        key\n        number\n        counterLabel\n        calledAt\n        callCount\n        active\n      }\n      services {\n        serviceId\n        name\n        waiting\n        expectedWaitMinutes\n        texts {\n          language\n          name\n          description\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TrackedTicketFields on PublicTicket {\n    number\n    status\n    officeId\n    officeName\n    officeNotice\n    priority\n    issuedAt\n    calledAt\n    counterLabel\n    services {\n      serviceId\n      name\n      count\n      texts {\n        language\n        name\n        description\n      }\n    }\n    estimate {\n      expectedCallAt\n      earliestCallAt\n      latestCallAt\n      peopleAhead\n    }\n  }\n"): (typeof documents)["\n  fragment TrackedTicketFields on PublicTicket {\n    number\n    status\n    officeId\n    officeName\n    officeNotice\n    priority\n    issuedAt\n    calledAt\n    counterLabel\n    services {\n      serviceId\n      name\n      count\n      texts {\n        language\n        name\n        description\n      }\n    }\n    estimate {\n      expectedCallAt\n      earliestCallAt\n      latestCallAt\n      peopleAhead\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TrackedTicket($token: String!) {\n    trackedTicket(token: $token) {\n      __typename\n      ... on PublicTicket {\n        ...TrackedTicketFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription TrackedTicket($token: String!) {\n    trackedTicket(token: $token) {\n      __typename\n      ... on PublicTicket {\n        ...TrackedTicketFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrackedOfficeTimeZone($id: ID!) {\n    office(id: $id) {\n      id\n      timeZone\n      contact {\n        phone\n        phoneUri\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrackedOfficeTimeZone($id: ID!) {\n    office(id: $id) {\n      id\n      timeZone\n      contact {\n        phone\n        phoneUri\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PushPublicKey {\n    pushPublicKey\n  }\n"): (typeof documents)["\n  query PushPublicKey {\n    pushPublicKey\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscribeToPush($token: String!, $subscription: PushSubscriptionInput!) {\n    subscribeToPush(token: $token, subscription: $subscription) {\n      __typename\n      ... on PushSubscribed {\n        aheadThreshold\n      }\n      ... on ExpectedError {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubscribeToPush($token: String!, $subscription: PushSubscriptionInput!) {\n    subscribeToPush(token: $token, subscription: $subscription) {\n      __typename\n      ... on PushSubscribed {\n        aheadThreshold\n      }\n      ... on ExpectedError {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnsubscribeFromPush($token: String!, $endpoint: String!) {\n    unsubscribeFromPush(token: $token, endpoint: $endpoint) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation UnsubscribeFromPush($token: String!, $endpoint: String!) {\n    unsubscribeFromPush(token: $token, endpoint: $endpoint) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveQueue($token: String!) {\n    leaveQueue(token: $token) {\n      __typename\n      ... on PublicTicket {\n        ...TrackedTicketFields\n      }\n      ... on NotAllowed {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LeaveQueue($token: String!) {\n    leaveQueue(token: $token) {\n      __typename\n      ... on PublicTicket {\n        ...TrackedTicketFields\n      }\n      ... on NotAllowed {\n        message\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;