/** negotiator 1.x, as far as the api uses it (its own package has no types; @types/negotiator is for 0.6). */
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    /** The best of `available` for the request's Accept-Encoding; `preferred` breaks ties between equal q-values. */
    encoding(available: string[], options?: { preferred?: string[] }): string | undefined;
  }
}
