import type { LEGAL_PAGES } from './app-paths.js';
import { graphql } from './gql/documents/index.js';

export type LegalPageKind = keyof typeof LEGAL_PAGES;

/** The legal pages' one query, shared by web-booking and web-tracker (typed by the kit's codegen). */
export const LegalPageQuery = graphql(`
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
`);
