import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, local, OFFICE, type OfficeInfo, requestId, serviceId, WALK_IN } from './queue-helpers.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

const clock = new TestClock(local('2027-03-01T08:00'));
let t: TestApp;
let office: OfficeInfo;

const LOG = `query($op: String) { auditLog(operation: $op) { id at actorKind staffName deviceName apiKeyName operation ids outcome } }`;
type Event = {
  actorKind: string;
  staffName: string | null;
  deviceName: string | null;
  operation: string;
  ids: string;
  outcome: string;
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  office = (await t.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'buergercentrum' })).office;
});
afterAll(() => t?.close());

const log = async (op: string) => (await (await t.admin()).ok(LOG, { op })).auditLog as Event[];

describe('the audit log', () => {
  it('records staff and device mutations with who, the ids and the outcome, and no personal data', async () => {
    const desk = await t.infoDesk();
    const manager = await t.officeManager();
    await manager.ok(`mutation($o: ID!) { setOfficeNotice(officeId: $o, notice: "Heute ruhig") }`, { o: office.id });
    const issued = await desk.ok(WALK_IN, {
      input: {
        officeId: office.id,
        requestId: requestId(),
        services: [{ serviceId: serviceId(office, 'Meldebescheinigung'), count: 1 }],
      },
    });
    expect(issued.issueWalkInTicket.__typename).toBe('IssuedTicket');
    const [notice] = await log('setOfficeNotice');
    expect(notice).toMatchObject({ actorKind: 'staff', staffName: 'Lea Leitung', outcome: 'OK' });
    expect(JSON.parse(notice?.ids ?? '')).toEqual({ officeId: office.id });
    const [walkIn] = await log('issueWalkInTicket');
    expect(walkIn).toMatchObject({ actorKind: 'staff', outcome: 'IssuedTicket' });
    expect(JSON.parse(walkIn?.ids ?? '')).toEqual({
      input: {
        officeId: office.id,
        requestId: expect.any(String),
        services: [{ serviceId: serviceId(office, 'Meldebescheinigung') }],
      },
    });
    // The notice text is no id: not kept.
    expect(JSON.stringify(await log('setOfficeNotice'))).not.toContain('Heute ruhig');
  });

  it('records sign-in attempts with the user name, but not what citizens do', async () => {
    await t.anonymous().request('mutation { login(username: "schalter", password: "falsch") { __typename } }');
    const failed = (await log('login')).find((e) => e.ids.includes('"schalter"'));
    expect(failed).toMatchObject({ actorKind: 'anonymous', outcome: 'InvalidCredentials' });
    expect(JSON.parse(failed?.ids ?? '')).toEqual({ username: 'schalter' });
    expect(JSON.stringify(failed)).not.toContain('falsch');
    await book(
      t.anonymous(),
      office.id,
      [{ serviceId: serviceId(office, 'Meldebescheinigung'), count: 1 }],
      local('2027-03-03T09:00'),
    );
    expect(await log('bookAppointment')).toEqual([]);
  });

  it('is append-only', async () => {
    await expect(t.sql('UPDATE audit_event SET outcome = $1', ['forged'])).rejects.toThrow(/append-only/);
  });

  it('is for admins only', async () => {
    const res = await (await t.officeManager()).request(LOG, {});
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
