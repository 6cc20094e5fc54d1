import { graphql } from '../../../gql';

export const OfficeCatalogQuery = graphql(`
  query AdminOfficeCatalog($officeId: ID!) {
    officeCatalog(officeId: $officeId) {
      __typename
      ... on OfficeCatalog {
        officeId
        services {
          id
          name
          description
          durationMinutes
          leikaKey
          bookableOnline
          walkInAllowed
          maxPerBooking
          active
          translations {
            language
            name
            description
          }
          documents {
            documentId
            name
            mandatory
          }
          counterIds
          futureAppointments
          deletable
        }
        documents {
          id
          name
          description
          uploadable
          active
          translations {
            language
            name
            description
          }
          serviceIds
          deletable
        }
        counters {
          id
          label
          active
          serviceIds
          hours {
            weekday
            intervals {
              opensAt
              closesAt
            }
          }
          futureAppointments
          deletable
        }
      }
      ... on InvalidInput {
        message
      }
      ... on OfficeNotAllowed {
        message
      }
    }
  }
`);

graphql(`
  fragment CatalogRefusal on CatalogItemInUse {
    code
    message
    appointments
    tickets
    uploads
    services
  }
`);

export const CreateServiceMutation = graphql(`
  mutation AdminCreateService($officeId: ID!, $input: ServiceInput!) {
    createService(officeId: $officeId, input: $input) {
      __typename
      ... on AdminService {
        id
        name
      }
      ...InvalidInputFields
      ... on CatalogItemInUse {
        ...CatalogRefusal
      }
    }
  }
`);

export const UpdateServiceMutation = graphql(`
  mutation AdminUpdateService($officeId: ID!, $serviceId: ID!, $input: ServiceInput!) {
    updateService(officeId: $officeId, serviceId: $serviceId, input: $input) {
      __typename
      ... on AdminService {
        id
        name
      }
      ...InvalidInputFields
      ... on CatalogItemInUse {
        ...CatalogRefusal
      }
    }
  }
`);

export const SetServiceActiveMutation = graphql(`
  mutation AdminSetServiceActive($officeId: ID!, $serviceId: ID!, $active: Boolean!) {
    setServiceActive(officeId: $officeId, serviceId: $serviceId, active: $active) {
      __typename
      ... on AdminService {
        id
        name
        active
      }
      ...InvalidInputFields
      ... on CatalogItemInUse {
        ...CatalogRefusal
      }
    }
  }
`);

export const DeleteServiceMutation = graphql(`
  mutation AdminDeleteService($officeId: ID!, $serviceId: ID!) {
    deleteService(officeId: $officeId, serviceId: $serviceId) {
      __typename
      ...InvalidInputFields
      ... on CatalogItemInUse {
        ...CatalogRefusal
      }
    }
  }
`);

export const CreateDocumentMutation = graphql(`
  mutation AdminCreateDocument($officeId: ID!, $input: RequiredDocumentInput!) {
    createRequiredDocument(officeId: $officeId, input: $input) {
      __typename
      ... on AdminDocument {
        id
        name
      }
      ...InvalidInputFields
      ... on CatalogItemInUse {
        ...CatalogRefusal
      }
    }
  }
`);

export const UpdateDocumentMutation = graphql(`
  mutation AdminUpdateDocument($officeId: ID!, $documentId: ID!, $input: RequiredDocumentInput!) {
    updateRequiredDocument(officeId: $officeId, documentId: $documentId, input: $input) {
      __typename
      ... on AdminDocument {
        id
        name
      }
      ...InvalidInputFields
      ... on CatalogItemInUse {
        ...CatalogRefusal
      }
    }
  }
`);

export const SetDocumentActiveMutation = graphql(`
  mutation AdminSetDocumentActive($officeId: ID!, $documentId: ID!, $active: Boolean!) {
    setRequiredDocumentActive(officeId: $officeId, documentId: $documentId, active: $active) {
      __typename
      ... on AdminDocument {
        id
        name
        active
      }
      ...InvalidInputFields
      ... on CatalogItemInUse {
        ...CatalogRefusal
      }
    }
  }
`);

export const DeleteDocumentMutation = graphql(`
  mutation AdminDeleteDocument($officeId: ID!, $documentId: ID!) {
    deleteRequiredDocument(officeId: $officeId, documentId: $documentId) {
      __typename
      ...InvalidInputFields
      ... on CatalogItemInUse {
        ...CatalogRefusal
      }
    }
  }
`);

export const CreateCounterMutation = graphql(`
  mutation AdminCreateCounter($officeId: ID!, $input: CounterInput!) {
    createCounter(officeId: $officeId, input: $input) {
      __typename
      ... on AdminCounter {
        id
        label
      }
      ...InvalidInputFields
      ... on CatalogItemInUse {
        ...CatalogRefusal
      }
    }
  }
`);

export const UpdateCounterMutation = graphql(`
  mutation AdminUpdateCounter($officeId: ID!, $counterId: ID!, $input: CounterInput!) {
    updateCounter(officeId: $officeId, counterId: $counterId, input: $input) {
      __typename
      ... on AdminCounter {
        id
        label
      }
      ...InvalidInputFields
      ... on CatalogItemInUse {
        ...CatalogRefusal
      }
    }
  }
`);

export const SetCounterActiveMutation = graphql(`
  mutation AdminSetCounterActive($officeId: ID!, $counterId: ID!, $active: Boolean!) {
    setCounterActive(officeId: $officeId, counterId: $counterId, active: $active) {
      __typename
      ... on AdminCounter {
        id
        label
        active
      }
      ...InvalidInputFields
      ... on CatalogItemInUse {
        ...CatalogRefusal
      }
    }
  }
`);

export const DeleteCounterMutation = graphql(`
  mutation AdminDeleteCounter($officeId: ID!, $counterId: ID!) {
    deleteCounter(officeId: $officeId, counterId: $counterId) {
      __typename
      ...InvalidInputFields
      ... on CatalogItemInUse {
        ...CatalogRefusal
      }
    }
  }
`);
