import { graphql } from '../../../gql';

export const LegalPageFields = graphql(`
  fragment LegalPageFields on LegalPage {
    kind
    isSample
    updatedAt
    feedbackEmail
    texts {
      language
      title
      body
    }
  }
`);

export const LegalPagesQuery = graphql(`
  query LegalPages {
    legalPages {
      ...LegalPageFields
    }
  }
`);

export const SaveLegalPageMutation = graphql(`
  mutation SaveLegalPage($kind: LegalPageKind!, $input: LegalPageInput!) {
    saveLegalPage(kind: $kind, input: $input) {
      __typename
      ... on LegalPage {
        ...LegalPageFields
      }
      ... on InvalidInput {
        fields {
          field
          code
        }
      }
    }
  }
`);
