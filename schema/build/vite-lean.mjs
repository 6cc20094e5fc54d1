// @ts-check
import path from 'node:path';
import { babelOptimizerPlugin } from '@graphql-codegen/client-preset';

/**
 * The citizen apps' production build, made small for a phone on a weak line (docs/decisions.md, "First load on a slow
 * line"); build only: development and unit tests keep React with its dev tools and fast refresh, and the browser
 * tests run against this build.
 * - React → preact/compat: the same components, hooks and libraries (@apollo/client, react-router, react-i18next)
 *   run unchanged on the compat layer, a tenth of react-dom's size. `dedupe` makes Vite resolve preact from the app
 *   (which depends on it), also for imports from inside node_modules.
 * - graphql-tag is declared free of side effects: @apollo/client re-exports its `gql`, which the apps never call (their
 *   documents are parsed at build time by codegen), and graphql-tag's top-level assignments would otherwise keep it
 *   and, through it, graphql's whole parser in the first bundle.
 * - Tiny shared chunks are merged into their neighbours (fewer requests on a slow line).
 * @returns {import('vite').Plugin}
 */
export function lean() {
  return {
    name: 'bc-lean',
    apply: 'build',
    config() {
      return {
        resolve: {
          alias: [
            { find: /^react$/, replacement: 'preact/compat' },
            { find: /^react-dom$/, replacement: 'preact/compat' },
            { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
            { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
            { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
          ],
          dedupe: ['preact'],
        },
        // Few requests: on a phone's line each further request can cost a new connection's round trips, so tiny
        // shared chunks are merged into their neighbours.
        build: { rollupOptions: { output: { experimentalMinChunkSize: 4000 } } },
      };
    },
    transform(_code, id) {
      return id.includes('/node_modules/graphql-tag/') ? { moduleSideEffects: false } : null;
    },
  };
}

/**
 * Babel options for @vitejs/plugin-react (`react({ babel: documentsByImport(import.meta.dirname) })`): codegen's
 * optimizer turns each `graphql(`…`)` call in the app's own files into an import of that one parsed document, so a
 * route's chunk carries only its own documents instead of the whole map of the app's operations in the first bundle.
 * @param {string} appRoot the app's folder (its generated documents are in src/gql)
 * @returns {(id: string) => import('@babel/core').TransformOptions}
 */
export function documentsByImport(appRoot) {
  const source = path.join(appRoot, 'src') + path.sep;
  const artifactDirectory = path.join(source, 'gql');
  return (id) =>
    id.startsWith(source) && !id.startsWith(artifactDirectory)
      ? { plugins: [[babelOptimizerPlugin, { artifactDirectory, gqlTagName: 'graphql' }]] }
      : {};
}
