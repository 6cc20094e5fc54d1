/**
 * What the audit log keeps of a mutation (pure): the operation, who called it, the ids it named and how it ended.
 * Argument values are kept only for ID arguments (and the user name of a sign-in), so the log holds no personal
 * data of citizens: a booking made at the information desk shows the office and services, not the name or email.
 */
import { type GraphQLSchema, getNamedType, Kind, type OperationDefinitionNode, valueFromASTUntyped } from 'graphql';

export type AuditEntry = { operation: string; ids: Record<string, unknown>; outcome: string };

/** A root field of a mutation about to run: what its entry records before the outcome is known. */
export type AuditTarget = { operation: string; ids: Record<string, unknown>; responseKey: string };

/** The outcome of an entry written before its operation ran, until the response is known. */
export const PENDING = 'PENDING';

/** Arguments whose values are kept besides IDs. */
const KEPT = new Set(['username']);

/** NUL and unpaired surrogates cannot be stored in jsonb: kept as U+FFFD, so that the entry is always written. */
const UNSTORABLE = /[\0\p{Cs}]/gu;

function storable(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(UNSTORABLE, '\uFFFD');
  if (Array.isArray(value)) return value.map(storable);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(UNSTORABLE, '\uFFFD'), storable(v)]));
  return value;
}

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

/** One target per root field of a mutation, with the ids its arguments name. */
export function auditTargets(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): AuditTarget[] {
  const mutation = schema.getMutationType();
  if (operation.operation !== 'mutation' || !mutation) return [];
  const targets: AuditTarget[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const field = mutation.getFields()[selection.name.value];
    if (!field) continue;
    const ids: Record<string, unknown> = {};
    for (const arg of selection.arguments ?? []) {
      const def = field.args.find((a) => a.name === arg.name.value);
      if (!def) continue;
      const value = valueFromASTUntyped(arg.value, variables);
      const kept = idsOnly(value, getNamedType(def.type).name === 'ID' || KEPT.has(def.name));
      if (kept !== undefined) ids[def.name] = storable(kept);
    }
    targets.push({ operation: field.name, ids, responseKey: selection.alias?.value ?? selection.name.value });
  }
  return targets;
}

/**
 * How a root field ended: its result's __typename, "OK" for a scalar, or "ERROR <code>" for its own error or an
 * error of the whole request (one without a path).
 */
export function auditOutcome(
  responseKey: string,
  data: Record<string, unknown> | null | undefined,
  errors: readonly { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[],
): string {
  const error = errors.find((e) => e.path?.[0] === responseKey) ?? errors.find((e) => !e.path?.length);
  if (error) return `ERROR ${String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')}`;
  const result = data?.[responseKey] as { __typename?: unknown } | null | undefined;
  return typeof result?.__typename === 'string' ? result.__typename : 'OK';
}
