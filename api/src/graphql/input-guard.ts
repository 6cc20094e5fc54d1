/**
 * Text PostgreSQL cannot store never reaches a resolver: a NUL character (refused by `text` and `jsonb`) or an
 * unpaired UTF-16 surrogate (no Unicode character at all; refused by `jsonb`, and written as U+FFFD to UTF-8).
 * Checked once per operation over every string the client sent, in the query text and in the variables, so every
 * argument and input field of every operation is covered, including ids and the sibling fields of a mutation.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { BREAK, type DocumentNode, type GraphQLError, visit } from 'graphql';
import { appError, ErrorCode } from './errors.js';

const UNSTORABLE = /[\0\p{Cs}]/u;

/** Documents are cached by Apollo and graphql-ws handlers: their literals are checked once each. */
const literalChecks = new WeakMap<DocumentNode, string | null>();

function literalWithUnstorableText(document: DocumentNode): string | null {
  const known = literalChecks.get(document);
  if (known !== undefined) return known;
  let found: string | null = null;
  visit(document, {
    StringValue(node) {
      if (!UNSTORABLE.test(node.value)) return undefined;
      found = `a string in the query text, line ${node.loc?.startToken.line ?? 1}`;
      return BREAK;
    },
  });
  literalChecks.set(document, found);
  return found;
}

function valueWithUnstorableText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = valueWithUnstorableText(item, `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) return `a field name in ${path}`;
      const found = valueWithUnstorableText(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** BAD_USER_INPUT (HTTP 400) naming where the text is, never echoing it; null when all text is storable. */
export function unstorableTextError(
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError | null {
  const where =
    literalWithUnstorableText(document) ??
    Object.entries(variables ?? {}).reduce<string | null>(
      (found, [name, value]) => found ?? valueWithUnstorableText(value, `$${name}`),
      null,
    );
  return where
    ? appError(ErrorCode.BadUserInput, `Text may not contain NUL characters or unpaired surrogates (${where}).`, {
        http: { status: 400 },
      })
    : null;
}

/** Refuses the whole operation, before anything runs, when any string in it cannot be stored. */
export const inputGuardPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const error = unstorableTextError(document, request.variables);
        if (error) throw error;
      },
    };
  },
};
