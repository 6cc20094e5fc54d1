import type { TestProject } from 'vitest/node';
import { findChromium, startProduct } from './harness.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The product's clock minus the real time (ms); see E2E_CLOCK_START in harness.ts. */
    clockOffsetMs: number;
  }
}

/** One running product for the whole browser run; each test file opens its own browser. */
export default async function setup(project: TestProject) {
  findChromium(); // fail at once, with the install hint, when there is no browser
  const product = await startProduct();
  project.provide('baseUrl', product.baseUrl);
  project.provide('clockOffsetMs', product.clockOffsetMs);
  return () => product.stop();
}
