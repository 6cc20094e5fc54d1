import type { TransformOptions } from '@babel/core';
import type { Plugin } from 'vite';

/** The citizen apps' small production build: preact/compat for React, graphql-tag tree-shaken (see vite-lean.mjs). */
export function lean(): Plugin;

/** Babel options for @vitejs/plugin-react: each `graphql()` call becomes an import of its one document. */
export function documentsByImport(appRoot: string): (id: string) => TransformOptions;
