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
    "\n  query LegalPage($kind: LegalPageKind!) {\n    legalPage(kind: $kind) {\n      kind\n      feedbackEmail\n      texts {\n        language\n        title\n        body\n      }\n    }\n  }\n": typeof types.LegalPageDocument,
    "\n  mutation PairDevice($code: String!) {\n    pairDevice(code: $code) {\n      __typename\n      ... on DevicePaired {\n        token\n        device {\n          id\n          kind\n          name\n        }\n      }\n      ... on PairingCodeRejected {\n        reason\n      }\n      ... on LimitReached {\n        retryAfterSeconds\n      }\n    }\n  }\n": typeof types.PairDeviceDocument,
};
const documents: Documents = {
    "\n  query LegalPage($kind: LegalPageKind!) {\n    legalPage(kind: $kind) {\n      kind\n      feedbackEmail\n      texts {\n        language\n        title\n        body\n      }\n    }\n  }\n": types.LegalPageDocument,
    "\n  mutation PairDevice($code: String!) {\n    pairDevice(code: $code) {\n      __typename\n      ... on DevicePaired {\n        token\n        device {\n          id\n          kind\n          name\n        }\n      }\n      ... on PairingCodeRejected {\n        reason\n      }\n      ... on LimitReached {\n        retryAfterSeconds\n      }\n    }\n  }\n": types.PairDeviceDocument,
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
export function graphql(source: "\n  query LegalPage($kind: LegalPageKind!) {\n    legalPage(kind: $kind) {\n      kind\n      feedbackEmail\n      texts {\n        language\n        title\n        body\n      }\n    }\n  }\n"): (typeof documents)["\n  query LegalPage($kind: LegalPageKind!) {\n    legalPage(kind: $kind) {\n      kind\n      feedbackEmail\n      texts {\n        language\n        title\n        body\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PairDevice($code: String!) {\n    pairDevice(code: $code) {\n      __typename\n      ... on DevicePaired {\n        token\n        device {\n          id\n          kind\n          name\n        }\n      }\n      ... on PairingCodeRejected {\n        reason\n      }\n      ... on LimitReached {\n        retryAfterSeconds\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PairDevice($code: String!) {\n    pairDevice(code: $code) {\n      __typename\n      ... on DevicePaired {\n        token\n        device {\n          id\n          kind\n          name\n        }\n      }\n      ... on PairingCodeRejected {\n        reason\n      }\n      ... on LimitReached {\n        retryAfterSeconds\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;