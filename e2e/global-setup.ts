import type { TestProject } from 'vitest/node';
import { findChromium, startProduct } from './harness.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One running product for the whole browser run; each test file opens its own browser. */
export default async function setup(project: TestProject) {
  findChromium(); // fail at once, with the install hint, when there is no browser
  const product = await startProduct();
  project.provide('baseUrl', product.baseUrl);
  return () => product.stop();
}
