/**
 * The permission matrix: every query and mutation of the schema, called by every kind of caller, is allowed
 * exactly where its declaration (@Allow / Public / CitizenToken) says and refused everywhere else with a typed
 * error (UNAUTHENTICATED without identity, FORBIDDEN with the wrong one). Arguments are made up from their types;
 * office, counter and service ids are real ones of the demo office (where every demo account works), so that an
 * allowed caller is not refused for a wrong office. A refused caller must never get data. Operations on the demo
 * office's ids are also called by the manager of another office, who must be refused (FORBIDDEN or
 * OfficeNotAllowed).
 * Subscriptions are covered by websocket.test.ts and live.test.ts.
 */
import { randomUUID } from 'node:crypto';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDevices } from '../src/db/seed/demo-data.js';
import { CITIZEN_TOKEN, PUBLIC } from '../src/graphql/access.js';
import { buildAppSchema } from '../src/graphql/schema.js';
import { OfficeEntity } from '../src/modules/catalog/office.entity.js';
import { AuthService } from '../src/modules/staff/auth.service.js';
import { StaffUserEntity } from '../src/modules/staff/staff-user.entity.js';
import { Role } from '../src/shared/role.js';
import { GqlClient } from './gql-client.js';
import { OFFICE, type OfficeInfo } from './queue-helpers.js';
import { createTestApp, type TestApp } from './test-app.js';

type Caller = { name: string; role: string | null; client: () => GqlClient };

let t: TestApp;
let callers: Caller[];
/** The office manager of another office (Staatsangehörigkeit), for the operations on the demo office. */
let outsider: GqlClient;
let office: OfficeInfo;
let counterId: string;

beforeAll(async () => {
  t = await createTestApp({ env: { PORTAL_REQUESTS_PER_MINUTE: '100000', BOOKING_RATE_PER_HOUR: '100000' } });
  const photo = demoDevices.find((d) => d.kind === 'PHOTO_TERMINAL')?.token;
  const [infoDesk, clerk, manager, admin] = await Promise.all([t.infoDesk(), t.clerk(), t.officeManager(), t.admin()]);
  const kiosk = t.kiosk();
  const display = t.display();
  const portal = t.portal();
  const terminal = new GqlClient(t.baseUrl, photo);
  callers = [
    { name: 'anonymous', role: null, client: () => t.anonymous() },
    { name: 'portal', role: 'PORTAL', client: () => portal },
    { name: 'kiosk', role: 'KIOSK', client: () => kiosk },
    { name: 'display', role: 'DISPLAY', client: () => display },
    { name: 'photo terminal', role: 'PHOTO_TERMINAL', client: () => terminal },
    { name: 'information desk', role: 'INFO_DESK', client: () => infoDesk },
    { name: 'clerk', role: 'CLERK', client: () => clerk },
    { name: 'office manager', role: 'OFFICE_MANAGER', client: () => manager },
    { name: 'admin', role: 'ADMIN', client: () => admin },
  ];
  office = (await t.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'buergercentrum' })).office;
  const other = await t.app.ds.getRepository(OfficeEntity).findOneByOrFail({ slug: 'staatsangehoerigkeit' });
  await t.app.ds.getRepository(StaffUserEntity).save({
    username: 'leitung-sta',
    displayName: 'Lena Andere',
    passwordHash: await AuthService.hashPassword('Andere-Leitung-2026'),
    roles: [Role.OFFICE_MANAGER],
    offices: [other],
  });
  outsider = new GqlClient(t.baseUrl);
  await outsider.ok('mutation { login(username: "leitung-sta", password: "Andere-Leitung-2026") { __typename } }');
  const counters = (await clerk.ok(`query($o: ID!) { queueCounters(officeId: $o) { id } }`, { o: office.id }))
    .queueCounters as { id: string }[];
  counterId = counters[0]?.id as string;
});
afterAll(() => t?.close());

/** A value of the type that passes GraphQL validation (its meaning does not matter here). */
function sample(type: GraphQLInputType, name: string, depth = 0): unknown {
  if (isNonNullType(type)) return sample(type.ofType, name, depth);
  if (isListType(type)) return [sample(type.ofType, name, depth)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    if (depth > 3) return {};
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sample(f.type, f.name, depth + 1)]),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        if (/^officeId$/.test(name)) return office.id;
        if (/^counterId$/.test(name)) return counterId;
        if (/^serviceId$/.test(name)) return office.services[0]?.id;
        return randomUUID();
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'DateTimeISO':
        return new Date('2027-03-02T09:00:00Z').toISOString();
      default:
        if (/date|from|to/i.test(name)) return '2027-03-01';
        return 'x';
    }
  }
  return null;
}

function operationText(kind: 'query' | 'mutation', f: GraphQLField<unknown, unknown>) {
  const required = f.args.filter((a: GraphQLArgument) => isNonNullType(a.type));
  const vars = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(f.type)) ? '' : ' { __typename }';
  const text = `${kind}${vars ? `(${vars})` : ''} { ${f.name}${args ? `(${args})` : ''}${selection} }`;
  const variables = Object.fromEntries(required.map((a) => [a.name, sample(a.type, a.name)]));
  return { text, variables };
}

const authCodes = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

describe('the permission matrix', () => {
  it('allows every operation exactly to the callers it declares, and refuses the others with a typed error', async () => {
    const schema = await buildAppSchema();
    const roots: ['query' | 'mutation', GraphQLObjectType | null | undefined][] = [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ];
    // Sign-in and sign-out change who the callers are: they go last. Before them the deletions of catalog items,
    // which may remove the demo ids the other operations are called with.
    const last = new Set(['logout', 'login']);
    const late = new Set(['deleteService', 'deleteRequiredDocument', 'deleteCounter']);
    const rank = (name: string) => (last.has(name) ? 2 : late.has(name) ? 1 : 0);
    const operations = roots
      .flatMap(([kind, root]) => (root ? Object.values(root.getFields()).map((f) => ({ kind, f })) : []))
      .sort((a, b) => rank(a.f.name) - rank(b.f.name));
    expect(operations.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const { kind, f } of operations) {
      const access = f.extensions.access as string[];
      const open = access.includes(PUBLIC) || access.includes(CITIZEN_TOKEN);
      const { text, variables } = operationText(kind, f);
      for (const caller of callers) {
        const allowed = open || (caller.role !== null && access.includes(caller.role));
        const res = await caller.client().request(text, variables);
        const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
        const refusedAs = codes.find((c) => authCodes.has(c));
        const expected = caller.role === null ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        if (allowed && refusedAs)
          wrong.push(`${f.name} refused ${caller.name} (${refusedAs}) though it declares ${access.join(', ')}`);
        if (!allowed && refusedAs !== expected)
          wrong.push(`${f.name} did not refuse ${caller.name} with ${expected}: ${JSON.stringify(codes)}`);
        if (!allowed && res.data?.[f.name] != null) wrong.push(`${f.name} gave data to ${caller.name}`);
        if (caller.role === 'OFFICE_MANAGER' && allowed && !open && /officeId|counterId/.test(text)) {
          // The same operation on the demo office by a manager of another office: refused, no data.
          const other = await outsider.request(text, variables);
          const result = other.data?.[f.name] as { __typename?: string } | null | undefined;
          const refused =
            other.errors?.some((e) => e.extensions?.code === 'FORBIDDEN') || result?.__typename === 'OfficeNotAllowed';
          if (!refused) wrong.push(`${f.name} let a manager of another office act: ${JSON.stringify(other)}`);
        }
        if (codes.includes('GRAPHQL_VALIDATION_FAILED'))
          wrong.push(`${f.name}: the made-up call is not valid: ${JSON.stringify(res.errors?.[0]?.message)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 180_000);
});
