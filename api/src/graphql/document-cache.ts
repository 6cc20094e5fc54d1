import { type DocumentNode, GraphQLError, type GraphQLSchema, parse, type ValidationRule, validate } from 'graphql';

/**
 * Parsed and validated operations by their text, for the WebSocket endpoint: thousands of phones subscribe with
 * the same few query texts, so each is parsed and validated once and its (immutable) document shared. Only valid
 * documents are kept, and only so many (the oldest go first), so odd queries cannot grow it.
 */
export class DocumentCache {
  private readonly valid = new Map<string, DocumentNode>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: readonly ValidationRule[],
    private readonly max = 200,
  ) {}

  /** The document, or the errors that make it unusable (not cached). */
  get(query: string): DocumentNode | readonly GraphQLError[] {
    const known = this.valid.get(query);
    if (known) return known;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: 2000 });
    } catch (err) {
      return [err instanceof GraphQLError ? err : new GraphQLError(String(err))];
    }
    const errors = validate(this.schema, document, this.rules);
    if (errors.length > 0) return errors;
    if (this.valid.size >= this.max) this.valid.delete(this.valid.keys().next().value as string);
    this.valid.set(query, document);
    return document;
  }
}
