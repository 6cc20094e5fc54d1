import type { Plugin } from 'vite';

/** Writes `file.br` and `file.gz` beside every text file of the build (see vite-precompress.mjs). */
export function precompress(): Plugin;
