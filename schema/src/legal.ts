import { gql, type TypedDocumentNode } from '@apollo/client';
import type { LEGAL_PAGES } from './app-paths.js';

export type LegalPageKind = keyof typeof LEGAL_PAGES;

export type LegalPageData = {
  legalPage: {
    __typename: 'LegalPage';
    kind: LegalPageKind;
    feedbackEmail: string | null;
    texts: { __typename: 'LegalText'; language: string; title: string; body: string }[];
  };
};

/**
 * The legal pages' one query, shared by web-booking and web-tracker. Written here (the SPAs generate their
 * documents, the kit does not), typed by hand and checked against schema.graphql by `test/legal.test.ts`.
 */
export const LegalPageQuery: TypedDocumentNode<LegalPageData, { kind: LegalPageKind }> = gql`
  query LegalPage($kind: LegalPageKind!) {
    legalPage(kind: $kind) {
      kind
      feedbackEmail
      texts {
        language
        title
        body
      }
    }
  }
`;
