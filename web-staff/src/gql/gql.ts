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
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      __typename\n      ... on LoginSuccess {\n        me {\n          ...StaffUserFields\n        }\n      }\n      ... on TooManyAttempts {\n        retryAfterSeconds\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  fragment StaffUserFields on StaffUser {\n    id\n    username\n    displayName\n    roles\n    offices {\n      id\n      name\n      slug\n      enabled\n      timeZone\n      address {\n        street\n        postalCode\n        city\n      }\n    }\n  }\n": typeof types.StaffUserFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...StaffUserFields\n    }\n  }\n": typeof types.MeDocument,
};
const documents: Documents = {
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      __typename\n      ... on LoginSuccess {\n        me {\n          ...StaffUserFields\n        }\n      }\n      ... on TooManyAttempts {\n        retryAfterSeconds\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  fragment StaffUserFields on StaffUser {\n    id\n    username\n    displayName\n    roles\n    offices {\n      id\n      name\n      slug\n      enabled\n      timeZone\n      address {\n        street\n        postalCode\n        city\n      }\n    }\n  }\n": types.StaffUserFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...StaffUserFields\n    }\n  }\n": types.MeDocument,
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
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      __typename\n      ... on LoginSuccess {\n        me {\n          ...StaffUserFields\n        }\n      }\n      ... on TooManyAttempts {\n        retryAfterSeconds\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      __typename\n      ... on LoginSuccess {\n        me {\n          ...StaffUserFields\n        }\n      }\n      ... on TooManyAttempts {\n        retryAfterSeconds\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffUserFields on StaffUser {\n    id\n    username\n    displayName\n    roles\n    offices {\n      id\n      name\n      slug\n      enabled\n      timeZone\n      address {\n        street\n        postalCode\n        city\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment StaffUserFields on StaffUser {\n    id\n    username\n    displayName\n    roles\n    offices {\n      id\n      name\n      slug\n      enabled\n      timeZone\n      address {\n        street\n        postalCode\n        city\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...StaffUserFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...StaffUserFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;