/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Who may call an operation. Staff roles belong to accounts; KIOSK and DISPLAY to devices; PORTAL to API keys. */
export type Role =
  | 'ADMIN'
  | 'CLERK'
  | 'DISPLAY'
  | 'INFO_DESK'
  | 'KIOSK'
  | 'OFFICE_MANAGER'
  | 'PHOTO_TERMINAL'
  | 'PORTAL';

export type CurrentDisplayQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentDisplayQuery = { currentDevice: { id: string, kind: Role, office: { id: string, name: string, timeZone: string, notice: string | null } } };

export type DisplayServerTimeSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DisplayServerTimeSubscription = { serverTime: string };


export const CurrentDisplayDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CurrentDisplay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentDevice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"office"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"notice"}}]}}]}}]}}]} as unknown as DocumentNode<CurrentDisplayQuery, CurrentDisplayQueryVariables>;
export const DisplayServerTimeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DisplayServerTime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverTime"}}]}}]} as unknown as DocumentNode<DisplayServerTimeSubscription, DisplayServerTimeSubscriptionVariables>;