/**
 * What the audit log keeps of a mutation (pure): the operation, who called it, the ids it named and how it ended.
 * Argument values are kept only for ID arguments (and the user name of a sign-in), so the log holds no personal
 * data of citizens: a booking made at the information desk shows the office and services, not the name or email.
 */
import { type GraphQLSchema, getNamedType, Kind, type OperationDefinitionNode, valueFromASTUntyped } from 'graphql';

export type AuditEntry = { operation: string; ids: Record<string, unknown>; outcome: string };

/** Arguments whose values are kept besides IDs. */
const KEPT = new Set(['username']);

/** Keeps ids (also inside input objects and lists), drops every other value. */
function idsOnly(value: unknown, keep: boolean): unknown {
  if (keep) return value;
  if (Array.isArray(value)) {
    const kept = value.map((v) => idsOnly(v, false)).filter((v) => v !== undefined);
    return kept.length ? kept : undefined;
  }
  if (value && typeof value === 'object') {
    const kept = Object.entries(value)
      .map(([k, v]) => [k, idsOnly(v, /Id$|^id$/.test(k))] as const)
      .filter(([, v]) => v !== undefined);
    return kept.length ? Object.fromEntries(kept) : undefined;
  }
  return undefined;
}

/** One entry per root field of a mutation; results are the field's __typename, or the error code. */
export function auditEntries(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  data: Record<string, unknown> | null | undefined,
  errors: readonly { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[],
): AuditEntry[] {
  const mutation = schema.getMutationType();
  if (operation.operation !== 'mutation' || !mutation) return [];
  const entries: AuditEntry[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const field = mutation.getFields()[selection.name.value];
    if (!field) continue;
    const responseKey = selection.alias?.value ?? selection.name.value;
    const ids: Record<string, unknown> = {};
    for (const arg of selection.arguments ?? []) {
      const def = field.args.find((a) => a.name === arg.name.value);
      if (!def) continue;
      const value = valueFromASTUntyped(arg.value, variables);
      const kept = idsOnly(value, getNamedType(def.type).name === 'ID' || KEPT.has(def.name));
      if (kept !== undefined) ids[def.name] = kept;
    }
    const error = errors.find((e) => e.path?.[0] === responseKey);
    const result = data?.[responseKey] as { __typename?: unknown } | null | undefined;
    const outcome = error
      ? `ERROR ${String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')}`
      : typeof result?.__typename === 'string'
        ? result.__typename
        : 'OK';
    entries.push({ operation: field.name, ids, outcome });
  }
  return entries;
}
