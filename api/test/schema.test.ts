import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type GraphQLField,
  type GraphQLObjectType,
  getIntrospectionQuery,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.js';
import { CITIZEN_TOKEN, PUBLIC } from '../src/graphql/access.js';
import { buildAppSchema, printAppSchema } from '../src/graphql/schema.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('the GraphQL contract', () => {
  it('schema/schema.graphql is what the api builds (run `pnpm codegen` after changing the api)', async () => {
    const committed = await readFile(path.join(repoRoot, 'schema/schema.graphql'), 'utf8');
    expect(printAppSchema(await buildAppSchema())).toBe(committed);
  });

  it('every failure in a result union implements ExpectedError, and every result union has a success member', async () => {
    const schema = await buildAppSchema();
    const expected = schema.getType('ExpectedError');
    if (!isInterfaceType(expected)) throw new Error('ExpectedError is not an interface');
    const implementers = new Set(schema.getImplementations(expected).objects.map((t) => t.name));
    const unions = Object.values(schema.getTypeMap()).filter(isUnionType);
    expect(unions.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const union of unions) {
      const members = union.getTypes();
      // A member that carries a message is a failure the caller can expect (but for the photo terminal's receipt).
      for (const m of members)
        if ('message' in m.getFields() && !implementers.has(m.name) && m.name !== 'BiometricsRecorded')
          problems.push(`${union.name}: ${m.name}`);
      if (members.every((m) => implementers.has(m.name))) problems.push(`${union.name} has no success member`);
    }
    expect(problems).toEqual([]);
    // Only failures implement it, and each of them is a member of some union.
    const members = new Set(unions.flatMap((u) => u.getTypes().map((t) => t.name)));
    const strays = [...implementers].filter((name) => !members.has(name) || !isObjectType(schema.getType(name)));
    expect(strays).toEqual([]);
    expect(implementers.size).toBe(28);
  });

  it('every operation declares who may call it, and the declaration is what the auth checker enforces', async () => {
    const schema = await buildAppSchema();
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
      (t): t is GraphQLObjectType => !!t,
    );
    const authorized = getMetadataStorage().authorizedFields;
    const operations = roots.flatMap((root) =>
      Object.values(root.getFields()).map((f: GraphQLField<unknown, unknown>) => ({
        name: `${root.name}.${f.name}`,
        f,
      })),
    );
    expect(operations.length).toBeGreaterThan(5);
    const undeclared = operations.filter(({ f }) => !Array.isArray(f.extensions.access) || !f.extensions.access.length);
    expect(undeclared.map((o) => o.name)).toEqual([]);
    for (const { name, f } of operations) {
      const access = f.extensions.access as string[];
      const enforced = authorized.find((a) => a.fieldName === f.name)?.roles;
      if (access.includes(PUBLIC) || access.includes(CITIZEN_TOKEN)) {
        expect(enforced, `${name} is public but also has @Authorized`).toBeUndefined();
      } else {
        expect(enforced, `${name} declares roles the auth checker does not enforce`).toEqual(access);
      }
    }
  });
});

describe('GraphQL hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('rejects a query with too many tokens before executing it', async () => {
    const res = await t.anonymous().request(`{ offices { ${'id '.repeat(3000)} } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('allows introspection (portals generate clients from it)', async () => {
    const res = await t.anonymous().request(getIntrospectionQuery());
    expect(res.errors).toBeUndefined();
    expect(res.data?.__schema.queryType.name).toBe('Query');
  });

  it('rejects malformed GraphQL with a parse error and no stack trace', async () => {
    const res = await t.anonymous().request('{ offices { ');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|\.ts:|at [A-Za-z]+ \(/);
  });

  it('rejects unknown fields and wrong argument types as validation errors', async () => {
    const res = await t.anonymous().request('{ offices { nope } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const badArg = await t.anonymous().request('query($id: ID) { office(id: $id) { name } }', { id: { x: 1 } });
    expect(badArg.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects queries that are too deep or use too many aliases', async () => {
    const nested = `${'ofType { '.repeat(30)}name${' }'.repeat(30)}`;
    const deep = `{ offices { id } __schema { types { fields { type { ${nested} } } } } }`;
    const res = await t.anonymous().request(deep);
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
    expect(res.data).toBeUndefined();
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: offices { id }`).join(' ')} }`;
    const res2 = await t.anonymous().request(aliases);
    expect(res2.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('keeps CSRF prevention on: a simple GET request without a preflight header is refused', async () => {
    const res = await fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent('{ offices { id } }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });

  it('an unknown office id or slug is null, not an error', async () => {
    const res = await t.anonymous().ok('{ a: office(id: "not-a-uuid") { id } b: office(slug: "nirgends") { id } }');
    expect(res).toEqual({ a: null, b: null });
  });
});
