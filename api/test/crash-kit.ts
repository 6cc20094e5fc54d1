/**
 * Crash tests' kit, shared by the kill -9 tests and the chaos script (chaos/chaos.ts): real api processes to kill,
 * booking and kiosk load that keeps what the api acknowledged, and the checks that every acknowledged booking and
 * ticket is there exactly once and whole. Everything talks to 127.0.0.1 only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { demoDevices } from '../src/db/seed/demo-data.js';
import { hashSecret } from '../src/shared/credentials.js';
import { freePort } from './free-port.js';

const apiDir = path.resolve(import.meta.dirname, '..');
const main = path.join(apiDir, 'src/main.ts');

export const kioskToken = demoDevices.find((d) => d.kind === 'KIOSK')?.token as string;

export type ApiProcess = {
  port: number;
  url: string;
  pid: number;
  child: ChildProcess;
  /** kill -9, resolved once the process is gone. */
  kill: () => Promise<void>;
  /** SIGTERM (graceful stop), resolved once the process is gone. */
  stop: () => Promise<void>;
  /** Resident memory now and at its peak (VmRSS, VmHWM), in bytes. */
  memory: () => { rss: number; peak: number };
  /** The last lines it wrote to stderr (for failure messages). */
  stderrTail: () => string;
};

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve()),
  );

/**
 * Starts `src/main.ts` in its own node process (tsx as a loader, so that signals reach the api itself) on 127.0.0.1
 * and waits until /readyz answers. `env` adds to a quiet test set-up (NODE_ENV=test, so TEST_CLOCK_START may be set).
 */
export async function spawnApi(env: Record<string, string>, opts: { port?: number } = {}): Promise<ApiProcess> {
  const port = opts.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      SERVE_WEB: 'false',
      HOST: '127.0.0.1',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the api did not become ready: ${tail}`);
    }
    await sleep(100);
  }
  const status = (field: string) => {
    try {
      const line = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
      return Number(line?.[1] ?? 0) * 1024;
    } catch {
      return 0;
    }
  };
  return {
    port,
    url,
    pid: child.pid as number,
    child,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
    memory: () => ({ rss: status('VmRSS'), peak: status('VmHWM') }),
    stderrTail: () => tail,
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `done()` holds, checking every 50 ms; fails with `what` after `timeoutMs`. */
export async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await sleep(50);
  }
}

export type Answer = {
  status: number;
  body: { data?: Record<string, any>; errors?: { extensions?: { code?: string } }[] };
};

/** One GraphQL request over HTTP; rejects when no answer came (refused, reset, timed out). */
export async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as Answer['body'] };
  } catch {
    // Not GraphQL's JSON (an HTML error page): an answer all the same.
    return {
      status: res.status,
      body: { errors: [{ extensions: { code: `HTTP ${res.status} ${text.slice(0, 80)}` } }] },
    };
  }
}

const BOOK = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) {
  __typename ... on BookingConfirmed { appointment { id checkInCode } } } }`;
const WALK_IN = `mutation($input: WalkInTicketInput!) { issueWalkInTicket(input: $input) {
  __typename ... on IssuedTicket { ticketId trackingToken } } }`;
const CHECK_IN = `mutation($code: String!) { checkIn(code: $code) {
  __typename ... on IssuedTicket { ticketId trackingToken } } }`;

const book = (url: string, officeId: string, serviceId: string, start: string, email: string) =>
  gql(url, BOOK, {
    input: {
      officeId,
      services: [{ serviceId, count: 1 }],
      start,
      name: 'Erika Mustermann',
      email,
      language: 'de',
      privacyConsent: true,
    },
  });

/** What the load sent and what the api acknowledged (a success answer reached the client). */
export class LoadLog {
  /** Every email a booking was attempted with (one attempt each). */
  readonly emails: string[] = [];
  readonly bookings: { id: string; email: string; checkInCode: string }[] = [];
  /** Every walk-in request id sent (one attempt each). */
  readonly requestIds: string[] = [];
  readonly tickets: { ticketId: string; trackingToken: string; origin: 'walk-in' | 'check-in' }[] = [];
  /** Check-in codes sent. */
  readonly checkInCodes: string[] = [];
  /** Requests that got no answer (the process was killed or down). */
  unanswered = 0;
  /** Answers that were neither a success nor an expected refusal. */
  readonly unexpected: string[] = [];
}

export type LoadTarget = {
  url: string;
  officeId: string;
  /** Booked online (Personalausweis). */
  serviceId: string;
  /** Drawn as walk-in tickets (Meldebescheinigung). */
  walkInServiceId: string;
  /** Free start times to book, taken one per attempt. */
  starts: string[];
  /** Appointments of today to check in at the kiosk, taken one per attempt. */
  checkIns: string[];
  tag: string;
};

/**
 * Runs `workers` booking clients and as many kiosk clients until `until()` or the starts run out; each client waits
 * `pauseMs` between its requests (0: as fast as the api answers).
 */
export async function runLoad(
  target: LoadTarget,
  log: LoadLog,
  workers: number,
  until: () => boolean,
  opts: { pauseMs?: number } = {},
) {
  let n = 0;
  const attempt = async (send: () => Promise<void>) => {
    try {
      await send();
      if (opts.pauseMs) await sleep(opts.pauseMs);
    } catch {
      log.unanswered += 1;
      await sleep(50); // the api is down: do not spin
    }
  };
  const booking = async () => {
    while (!until()) {
      const start = target.starts.shift();
      if (!start) return;
      const email = `${target.tag}-${++n}@chaos.example`;
      log.emails.push(email);
      await attempt(async () => {
        const { body } = await book(target.url, target.officeId, target.serviceId, start, email);
        const r = body.data?.bookAppointment;
        if (r?.__typename === 'BookingConfirmed') {
          log.bookings.push({ id: r.appointment.id, email, checkInCode: r.appointment.checkInCode });
        } else if (r?.__typename !== 'SlotUnavailable') log.unexpected.push(JSON.stringify(body).slice(0, 300));
      });
    }
  };
  const kiosk = async () => {
    const headers = { authorization: `Bearer ${kioskToken}` };
    let turn = 0;
    while (!until()) {
      // Check-ins and walk-ins take turns while there are appointments left to check in.
      const code = turn++ % 2 === 0 ? target.checkIns.shift() : undefined;
      if (code) log.checkInCodes.push(code);
      const requestId = randomUUID();
      if (!code) log.requestIds.push(requestId);
      await attempt(async () => {
        const { body } = code
          ? await gql(target.url, CHECK_IN, { code }, headers)
          : await gql(
              target.url,
              WALK_IN,
              { input: { requestId, services: [{ serviceId: target.walkInServiceId, count: 1 }] } },
              headers,
            );
        const r = code ? body.data?.checkIn : body.data?.issueWalkInTicket;
        if (r?.__typename === 'IssuedTicket') {
          log.tickets.push({
            ticketId: r.ticketId,
            trackingToken: r.trackingToken,
            origin: code ? 'check-in' : 'walk-in',
          });
        } else log.unexpected.push(JSON.stringify(body).slice(0, 300));
      });
    }
  };
  await Promise.all([...Array.from({ length: workers }, booking), ...Array.from({ length: workers }, kiosk)]);
}

const AVAILABILITY = `query($o: ID!, $s: [ServiceChoiceInput!]!, $f: String!, $t: String!) {
  availability(officeId: $o, services: $s, from: $f, to: $t) { ... on Availability { days { date starts } } } }`;

/**
 * Load against the Bürgercentrum of the demo data, on the api's day `today` (its TEST_CLOCK_START): free starts on the
 * following days to book, and `checkIns` appointments booked for today to check in at the kiosk (the office's lead
 * time and check-in window are opened up for that: set-up, not part of what is tested).
 */
export async function prepareLoad(
  url: string,
  db: pg.Pool | pg.Client,
  opts: { tag: string; today: string; until: string; checkIns: number },
): Promise<LoadTarget> {
  const { body } = await gql(url, '{ office(slug: "buergercentrum") { id services { id name } } }');
  const office = body.data?.office as { id: string; services: { id: string; name: string }[] };
  const service = (prefix: string) => office.services.find((s) => s.name.startsWith(prefix))?.id as string;
  await db.query(`UPDATE office SET "leadMinutes" = 0 WHERE id = $1`, [office.id]);
  const free = async (from: string, to: string) => {
    const { body: a } = await gql(url, AVAILABILITY, {
      o: office.id,
      s: [{ serviceId: service('Personalausweis'), count: 1 }],
      f: from,
      t: to,
    });
    const days = a.data?.availability?.days as { starts: string[] }[] | undefined;
    if (!days) throw new Error(`no availability: ${JSON.stringify(a)}`);
    return days.flatMap((d) => d.starts);
  };
  const serviceId = service('Personalausweis');
  const checkIns: string[] = [];
  for (const [i, start] of (await free(opts.today, opts.today)).slice(0, opts.checkIns).entries()) {
    const r = (await book(url, office.id, serviceId, start, `${opts.tag}-today-${i}@chaos.example`)).body.data
      ?.bookAppointment;
    if (r?.__typename === 'BookingConfirmed') checkIns.push(r.appointment.checkInCode);
  }
  const next = new Date(`${opts.today}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return {
    url,
    officeId: office.id,
    serviceId,
    walkInServiceId: service('Meldebescheinigung'),
    starts: await free(next.toISOString().slice(0, 10), opts.until),
    checkIns,
    tag: opts.tag,
  };
}

export type Audit = {
  acknowledged: number;
  present: number;
  /** Rows beyond one per attempt (an email booked twice, a request or an appointment with two tickets). */
  duplicates: number;
  /** Rows missing a part: services, confirmation mail, event, tracking token. */
  halfWritten: number;
};

/** Every appointment the load attempted: acknowledged ones present; each attempt at most once; none without parts. */
export async function auditBookings(db: pg.Pool | pg.Client, log: LoadLog): Promise<Audit> {
  const ids = log.bookings.map((b) => b.id);
  const { rows } = await db.query<{ present: number; duplicates: number; half: number }>(
    `WITH mine AS (SELECT * FROM appointment WHERE email = ANY($2))
     SELECT (SELECT count(*)::int FROM appointment WHERE id = ANY($1::uuid[])) AS present,
            (SELECT coalesce(sum(n - 1), 0)::int FROM (SELECT count(*) AS n FROM mine GROUP BY email) e) AS duplicates,
            (SELECT count(*)::int FROM mine a
              WHERE NOT EXISTS (SELECT 1 FROM appointment_service s WHERE s."appointmentId" = a.id)
                 OR NOT EXISTS (SELECT 1 FROM mail_message m WHERE m."appointmentId" = a.id AND m.kind = 'CONFIRMATION')
                 OR a."manageTokenHash" IS NULL OR a."checkInCode" IS NULL) AS half`,
    [ids, log.emails],
  );
  const r = rows[0] as { present: number; duplicates: number; half: number };
  return { acknowledged: ids.length, present: r.present, duplicates: r.duplicates, halfWritten: r.half };
}

/** Every ticket the kiosk load was given: present with its tracking token; one per request or appointment; whole. */
export async function auditTickets(db: pg.Pool | pg.Client, log: LoadLog): Promise<Audit> {
  const acked = log.tickets;
  const { rows } = await db.query<{ present: number; duplicates: number; half: number }>(
    `WITH acked AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS a(id, hash)),
          mine AS (
            SELECT t.* FROM ticket t
             WHERE t."requestKey" LIKE ANY (SELECT '%:' || r FROM unnest($3::text[]) AS r)
                OR t."appointmentId" IN (SELECT id FROM appointment WHERE "checkInCode" = ANY($4)))
     SELECT (SELECT count(*)::int FROM acked a JOIN ticket t ON t.id = a.id
               JOIN ticket_tracking k ON k."ticketId" = t.id AND k."tokenHash" = a.hash) AS present,
            (SELECT coalesce(sum(n - 1), 0)::int FROM (
               SELECT count(*) AS n FROM mine GROUP BY coalesce("requestKey", "appointmentId"::text)) d) AS duplicates,
            (SELECT count(*)::int FROM mine t
              WHERE NOT EXISTS (SELECT 1 FROM ticket_service s WHERE s."ticketId" = t.id)
                 OR NOT EXISTS (SELECT 1 FROM ticket_event e WHERE e."ticketId" = t.id)
                 OR NOT EXISTS (SELECT 1 FROM ticket_tracking k WHERE k."ticketId" = t.id)) AS half`,
    [acked.map((t) => t.ticketId), acked.map((t) => hashSecret(t.trackingToken)), log.requestIds, log.checkInCodes],
  );
  const r = rows[0] as { present: number; duplicates: number; half: number };
  return { acknowledged: acked.length, present: r.present, duplicates: r.duplicates, halfWritten: r.half };
}
