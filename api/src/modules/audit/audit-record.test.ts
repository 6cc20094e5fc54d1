import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { auditOutcome, auditTargets } from './audit-record.js';

const schema = buildSchema(`
  type Query { ok: Boolean }
  input Choice { serviceId: ID! count: Int! note: String }
  type Done { id: ID! }
  type Mutation {
    book(officeId: ID!, name: String!, choices: [Choice!]!): Done
    login(username: String!, password: String!): Done
    ping: Boolean
  }`);

const operation = (source: string) => {
  const [definition] = parse(source).definitions;
  if (definition?.kind !== 'OperationDefinition') throw new Error('no operation');
  return definition;
};

describe('auditTargets', () => {
  it('keeps ids and a sign-in user name, drops every other value, per root field with its response key', () => {
    const targets = auditTargets(
      schema,
      operation(`mutation($c: [Choice!]!) {
        first: book(officeId: "o1", name: "Erika", choices: $c) { id }
        login(username: "anna", password: "secret") { id }
        ping }`),
      { c: [{ serviceId: 's1', count: 2, note: 'private' }] },
    );
    expect(targets).toEqual([
      { operation: 'book', ids: { officeId: 'o1', choices: [{ serviceId: 's1' }] }, responseKey: 'first' },
      { operation: 'login', ids: { username: 'anna' }, responseKey: 'login' },
      { operation: 'ping', ids: {}, responseKey: 'ping' },
    ]);
  });

  it('keeps NUL and unpaired surrogates as U+FFFD, so that the entry can always be stored', () => {
    const [target] = auditTargets(
      schema,
      operation('mutation($o: ID!) { book(officeId: $o, name: "", choices: []) { id } }'),
      {
        o: 'a\u0000b\ud800',
      },
    );
    expect(target?.ids).toEqual({ officeId: 'a\ufffdb\ufffd' });
  });

  it('is empty for queries', () => {
    expect(auditTargets(schema, operation('{ ok }'), {})).toEqual([]);
  });
});

describe('auditOutcome', () => {
  it('is the result type, OK for a scalar, or the error of the field', () => {
    const data = { first: { __typename: 'Done' }, ping: true, login: null };
    const errors = [{ path: ['login'], extensions: { code: 'FORBIDDEN' } }];
    expect(auditOutcome('first', data, errors)).toBe('Done');
    expect(auditOutcome('ping', data, errors)).toBe('OK');
    expect(auditOutcome('login', data, errors)).toBe('ERROR FORBIDDEN');
  });

  it('is the error of the whole request when it never ran (or failed as a whole)', () => {
    expect(auditOutcome('first', undefined, [{ extensions: { code: 'RATE_LIMITED' } }])).toBe('ERROR RATE_LIMITED');
    expect(auditOutcome('first', undefined, [{}])).toBe('ERROR INTERNAL_SERVER_ERROR');
  });
});
