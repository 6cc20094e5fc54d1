import type { CodegenConfig } from '@graphql-codegen/cli';

/** Each SPA gets typed documents for the operations it writes, generated from the committed SDL only. */
const apps = ['web-booking', 'web-staff', 'web-tracker'];

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    // The members of every union and interface, for the Apollo cache the kit builds (fragments on abstract types).
    'src/gql/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3 },
    },
    ...Object.fromEntries(
      apps.map((app) => [
        `../${app}/src/gql/`,
        {
          preset: 'client',
          documents: [`../${app}/src/**/*.{ts,tsx}`, `!../${app}/src/gql/**`],
          presetConfig: { fragmentMasking: false },
          config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTimeISO: 'string' } },
        },
      ]),
    ),
  },
};

export default config;
