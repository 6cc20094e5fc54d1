import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Each SPA gets typed documents for the operations it writes, generated from the committed SDL only; so does the kit
 * for its own few (the legal pages, device pairing). Documents arrive parsed: no GraphQL parser in the browser.
 */
const apps = ['web-booking', 'web-staff', 'web-tracker'];
const clientPreset = (documents: string[]) => ({
  preset: 'client' as const,
  documents,
  presetConfig: { fragmentMasking: false },
  config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTimeISO: 'string' } },
});

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    // The members of every union and interface, for the Apollo cache the kit builds (fragments on abstract types).
    'src/gql/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3 },
    },
    'src/gql/documents/': clientPreset(['src/**/*.{ts,tsx}', '!src/gql/**']),
    ...Object.fromEntries(
      apps.map((app) => [`../${app}/src/gql/`, clientPreset([`../${app}/src/**/*.{ts,tsx}`, `!../${app}/src/gql/**`])]),
    ),
  },
};

export default config;
