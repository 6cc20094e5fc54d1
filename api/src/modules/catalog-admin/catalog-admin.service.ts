import type { DataSource, EntityManager } from 'typeorm';
import { LIVE_CHANNEL } from '../../db/channels.js';
import { type Actor, worksIn } from '../../shared/actor.js';
import type { FieldProblem } from '../../shared/field-problem.js';
import { isUuid } from '../../shared/ids.js';
import { type AdminOutcome, invalid, ok, unknownOffice, withOffice } from '../../shared/office-lock.js';
import type { BookingService } from '../booking/booking.service.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { OfficeEntity } from '../catalog/office.entity.js';
import {
  type CounterDraft,
  type CounterFields,
  checkCounter,
  checkDocument,
  checkService,
  type DocumentDraft,
  inUseMessage,
  NO_USAGE,
  type ServiceDraft,
  type Usage,
} from './catalog-rules.js';
import {
  type CatalogView,
  type CounterView,
  type DocumentView,
  loadCatalog,
  type ServiceView,
} from './catalog-views.store.js';

/** Still referred to: IN_USE (a deletion; deactivate instead) or FUTURE_APPOINTMENTS (booked appointments need it). */
export type InUse = { kind: 'inUse'; code: 'IN_USE' | 'FUTURE_APPOINTMENTS'; message: string } & Usage;
export type CatalogOutcome<T> = AdminOutcome<T> | InUse;
export type DeletedView = { id: string; officeId: string };

const inUse = (code: InUse['code'], message: string, usage: Partial<Usage>): InUse => ({
  kind: 'inUse',
  code,
  message,
  ...NO_USAGE,
  ...usage,
});

const unknown = (field: string, what: string): FieldProblem => ({
  field,
  code: `UNKNOWN_${what.toUpperCase()}`,
  message: `There is no such ${what} in this office.`,
});

/**
 * Services, required documents and counters of an office, for ADMIN everywhere and office managers in their own
 * offices. Each change is one transaction on the locked office row; input is checked completely before anything is
 * written, so refused input changes nothing. Afterwards booking plans are forgotten (new bookings follow at once)
 * and the live channel is told, so that queues and call displays reload service names and counters.
 */
export class CatalogAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly booking: Pick<BookingService, 'forgetPlans'>,
    private readonly catalogTexts: Pick<CatalogService, 'forgetServiceTexts'>,
    private readonly now: () => Date,
  ) {}

  /** The office's catalog, active or not; for its managers and ADMIN. */
  async catalog(actor: Actor, officeId: string): Promise<AdminOutcome<CatalogView>> {
    if (!isUuid(officeId)) return invalid(unknownOffice);
    if (!(await worksIn(this.ds.manager, actor, officeId))) return { kind: 'officeNotAllowed' };
    if (!(await this.ds.getRepository(OfficeEntity).existsBy({ id: officeId }))) return invalid(unknownOffice);
    return ok(await loadCatalog(this.ds.manager, officeId, this.now()));
  }

  private async change<T>(
    actor: Actor,
    officeId: string,
    work: (m: EntityManager, office: OfficeEntity) => Promise<CatalogOutcome<T>>,
  ): Promise<CatalogOutcome<T>> {
    let refused: InUse | null = null;
    const outcome = await withOffice<T>(
      this.ds,
      actor,
      officeId,
      async (m, office) => {
        const result = await work(m, office);
        if (result.kind === 'inUse') {
          refused = result;
          return invalid();
        }
        if (result.kind === 'ok')
          await m.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify({ o: officeId, s: 'catalog' })]);
        return result;
      },
      () => {
        this.booking.forgetPlans();
        this.catalogTexts.forgetServiceTexts();
      },
    );
    return refused ?? outcome;
  }

  private async view<K extends 'services' | 'documents' | 'counters'>(
    m: EntityManager,
    officeId: string,
    kind: K,
    id: string,
  ): Promise<CatalogView[K][number]> {
    const all = await loadCatalog(m, officeId, this.now());
    const found = (all[kind] as { id: string }[]).find((x) => x.id === id);
    if (!found) throw new Error(`catalog item ${id} vanished`);
    return found as CatalogView[K][number];
  }

  private async findIn<K extends 'services' | 'documents' | 'counters'>(
    m: EntityManager,
    officeId: string,
    kind: K,
    id: string,
  ): Promise<CatalogView[K][number] | null> {
    if (!isUuid(id)) return null;
    const all = await loadCatalog(m, officeId, this.now());
    return ((all[kind] as { id: string }[]).find((x) => x.id === id) as CatalogView[K][number]) ?? null;
  }

  /** Ids among `ids` that are not of this table in this office, as field problems. */
  private async unknownIds(
    m: EntityManager,
    table: 'service' | 'required_document',
    officeId: string,
    ids: readonly string[],
    field: (i: number) => string,
    what: string,
  ): Promise<FieldProblem[]> {
    const valid = ids.filter(isUuid);
    const rows: { id: string }[] = valid.length
      ? await m.query(`SELECT id FROM ${table} WHERE "officeId" = $1 AND id = ANY($2::uuid[])`, [officeId, valid])
      : [];
    const known = new Set(rows.map((r) => r.id));
    return ids.flatMap((id, i) => (known.has(id) ? [] : [unknown(field(i), what)]));
  }

  private async nameTaken(
    m: EntityManager,
    table: 'service' | 'required_document' | 'counter',
    column: 'name' | 'label',
    officeId: string,
    value: string,
    exceptId: string | null,
  ): Promise<FieldProblem[]> {
    const rows = await m.query(
      `SELECT 1 FROM ${table} WHERE "officeId" = $1 AND lower(${column}) = lower($2) AND id IS DISTINCT FROM $3`,
      [officeId, value, exceptId],
    );
    return rows.length > 0
      ? [{ field: column, code: 'NAME_TAKEN', message: `This office already has one with this ${column}.` }]
      : [];
  }

  // ── Services ──────────────────────────────────────────────────────────────────────────────────────────────────

  saveService(
    actor: Actor,
    officeId: string,
    serviceId: string | null,
    draft: ServiceDraft,
  ): Promise<CatalogOutcome<ServiceView>> {
    return this.change(actor, officeId, async (m) => {
      if (serviceId !== null && !(await this.findIn(m, officeId, 'services', serviceId)))
        return invalid(unknown('serviceId', 'service'));
      const checked = checkService(draft);
      if (!checked.ok) return invalid(...checked.problems);
      const s = checked.value;
      const problems = [
        ...(await this.nameTaken(m, 'service', 'name', officeId, s.name, serviceId)),
        ...(await this.unknownIds(
          m,
          'required_document',
          officeId,
          s.documents.map((d) => d.documentId),
          (i) => `documents.${i}.documentId`,
          'document',
        )),
      ];
      if (problems.length > 0) return invalid(...problems);
      const fields = [
        s.name,
        s.description,
        s.durationMinutes,
        s.leikaKey,
        s.bookableOnline,
        s.walkInAllowed,
        s.maxPerBooking,
        s.translations === null ? null : JSON.stringify(s.translations),
      ];
      let id = serviceId;
      if (id === null) {
        const [row]: { id: string }[] = await m.query(
          `INSERT INTO service ("officeId", name, description, "durationMinutes", "leikaKey", "bookableOnline",
                                "walkInAllowed", "maxPerBooking", translations, "sortOrder")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::jsonb, '[]'),
                   (SELECT coalesce(max("sortOrder"), 0) + 1 FROM service WHERE "officeId" = $1))
           RETURNING id`,
          [officeId, ...fields],
        );
        id = (row as { id: string }).id;
      } else {
        await m.query(
          `UPDATE service SET name = $2, description = $3, "durationMinutes" = $4, "leikaKey" = $5,
                  "bookableOnline" = $6, "walkInAllowed" = $7, "maxPerBooking" = $8,
                  translations = coalesce($9::jsonb, translations)
            WHERE id = $1`,
          [id, ...fields],
        );
        await m.query('DELETE FROM service_document WHERE "serviceId" = $1', [id]);
      }
      for (const [i, d] of s.documents.entries())
        await m.query(
          'INSERT INTO service_document ("serviceId", "documentId", mandatory, "sortOrder") VALUES ($1, $2, $3, $4)',
          [id, d.documentId, d.mandatory, i],
        );
      return ok(await this.view(m, officeId, 'services', id));
    });
  }

  /**
   * Deactivating a service hides it from booking, kiosks and the queue. It is refused while booked appointments
   * still to come include it: those visitors would arrive for a service that no longer exists.
   */
  setServiceActive(
    actor: Actor,
    officeId: string,
    serviceId: string,
    active: boolean,
  ): Promise<CatalogOutcome<ServiceView>> {
    return this.change(actor, officeId, async (m) => {
      const service = await this.findIn(m, officeId, 'services', serviceId);
      if (!service) return invalid(unknown('serviceId', 'service'));
      if (!active && service.futureAppointments > 0)
        return inUse(
          'FUTURE_APPOINTMENTS',
          `${service.futureAppointments} booked appointment(s) still to come include this service; cancel or move them first.`,
          { appointments: service.futureAppointments },
        );
      await m.query('UPDATE service SET active = $2 WHERE id = $1', [serviceId, active]);
      return ok(await this.view(m, officeId, 'services', serviceId));
    });
  }

  /** Only a service nothing ever referred to can go; a counter must keep at least one service. */
  deleteService(actor: Actor, officeId: string, serviceId: string): Promise<CatalogOutcome<DeletedView>> {
    return this.change(actor, officeId, async (m) => {
      const all = isUuid(serviceId) ? await loadCatalog(m, officeId, this.now()) : null;
      const service = all?.services.find((s) => s.id === serviceId);
      if (!all || !service) return invalid(unknown('serviceId', 'service'));
      if (!service.deletable) return inUse('IN_USE', inUseMessage('service', service.usage), service.usage);
      const emptied = all.counters.filter((c) => c.serviceIds.length === 1 && c.serviceIds[0] === serviceId);
      if (emptied.length > 0)
        return invalid({
          field: 'serviceId',
          code: 'LAST_SERVICE_OF_COUNTER',
          message: `Counter(s) ${emptied.map((c) => c.label).join(', ')} handle only this service; change them first.`,
        });
      await m.query('DELETE FROM service WHERE id = $1', [serviceId]);
      return ok({ id: serviceId, officeId });
    });
  }

  // ── Required documents ────────────────────────────────────────────────────────────────────────────────────────

  saveDocument(
    actor: Actor,
    officeId: string,
    documentId: string | null,
    draft: DocumentDraft,
  ): Promise<CatalogOutcome<DocumentView>> {
    return this.change(actor, officeId, async (m) => {
      if (documentId !== null && !(await this.findIn(m, officeId, 'documents', documentId)))
        return invalid(unknown('documentId', 'document'));
      const checked = checkDocument(draft);
      if (!checked.ok) return invalid(...checked.problems);
      const d = checked.value;
      const taken = await this.nameTaken(m, 'required_document', 'name', officeId, d.name, documentId);
      if (taken.length > 0) return invalid(...taken);
      let id = documentId;
      const translations = d.translations === null ? null : JSON.stringify(d.translations);
      if (id === null) {
        const [row]: { id: string }[] = await m.query(
          `INSERT INTO required_document ("officeId", name, description, uploadable, translations)
           VALUES ($1, $2, $3, $4, coalesce($5::jsonb, '[]')) RETURNING id`,
          [officeId, d.name, d.description, d.uploadable, translations],
        );
        id = (row as { id: string }).id;
      } else
        await m.query(
          `UPDATE required_document SET name = $2, description = $3, uploadable = $4,
                  translations = coalesce($5::jsonb, translations)
            WHERE id = $1`,
          [id, d.name, d.description, d.uploadable, translations],
        );
      return ok(await this.view(m, officeId, 'documents', id));
    });
  }

  /** An inactive document is no longer listed to citizens (nor uploadable); the services keep the link. */
  setDocumentActive(
    actor: Actor,
    officeId: string,
    documentId: string,
    active: boolean,
  ): Promise<CatalogOutcome<DocumentView>> {
    return this.change(actor, officeId, async (m) => {
      if (!(await this.findIn(m, officeId, 'documents', documentId))) return invalid(unknown('documentId', 'document'));
      await m.query('UPDATE required_document SET active = $2 WHERE id = $1', [documentId, active]);
      return ok(await this.view(m, officeId, 'documents', documentId));
    });
  }

  deleteDocument(actor: Actor, officeId: string, documentId: string): Promise<CatalogOutcome<DeletedView>> {
    return this.change(actor, officeId, async (m) => {
      const document = await this.findIn(m, officeId, 'documents', documentId);
      if (!document) return invalid(unknown('documentId', 'document'));
      if (!document.deletable) return inUse('IN_USE', inUseMessage('document', document.usage), document.usage);
      await m.query('DELETE FROM required_document WHERE id = $1', [documentId]);
      return ok({ id: documentId, officeId });
    });
  }

  // ── Counters ──────────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Creates or replaces a counter (label, services, appointment hours). A service may only be taken away from a
   * counter while no booked appointment still to come at that counter includes it.
   */
  saveCounter(
    actor: Actor,
    officeId: string,
    counterId: string | null,
    draft: CounterDraft,
  ): Promise<CatalogOutcome<CounterView>> {
    return this.change(actor, officeId, async (m) => {
      if (counterId !== null && !(await this.findIn(m, officeId, 'counters', counterId)))
        return invalid(unknown('counterId', 'counter'));
      const checked = checkCounter(draft);
      if (!checked.ok) return invalid(...checked.problems);
      const c = checked.value;
      const problems = [
        ...(await this.nameTaken(m, 'counter', 'label', officeId, c.label, counterId)),
        ...(await this.unknownIds(m, 'service', officeId, c.serviceIds, (i) => `serviceIds.${i}`, 'service')),
      ];
      if (problems.length > 0) return invalid(...problems);
      if (counterId !== null) {
        const [row]: { n: number }[] = await m.query(
          `SELECT count(DISTINCT a.id)::int AS n FROM appointment a
             JOIN appointment_service x ON x."appointmentId" = a.id
            WHERE a."counterId" = $1 AND a.status = 'BOOKED' AND a."endsAt" > $2
              AND NOT (x."serviceId" = ANY($3::uuid[]))`,
          [counterId, this.now(), c.serviceIds],
        );
        const n = row?.n ?? 0;
        if (n > 0)
          return inUse(
            'FUTURE_APPOINTMENTS',
            `${n} booked appointment(s) still to come at this counter need a service you took away; cancel or move them first.`,
            { appointments: n },
          );
      }
      const id = counterId ?? (await this.insertCounter(m, officeId, c));
      if (counterId !== null) {
        await m.query('UPDATE counter SET label = $2 WHERE id = $1', [id, c.label]);
        await m.query('DELETE FROM counter_service WHERE "counterId" = $1', [id]);
        await m.query('DELETE FROM counter_hours WHERE "counterId" = $1', [id]);
      }
      await m.query('INSERT INTO counter_service ("counterId", "serviceId") SELECT $1, unnest($2::uuid[])', [
        id,
        c.serviceIds,
      ]);
      for (const day of c.hours)
        for (const i of day.intervals)
          await m.query(
            'INSERT INTO counter_hours ("counterId", weekday, "opensAt", "closesAt") VALUES ($1, $2, $3, $4)',
            [id, day.weekday, `${i.opensAt}:00`, `${i.closesAt}:00`],
          );
      return ok(await this.view(m, officeId, 'counters', id));
    });
  }

  private async insertCounter(m: EntityManager, officeId: string, c: CounterFields): Promise<string> {
    const [row]: { id: string }[] = await m.query(
      'INSERT INTO counter ("officeId", label) VALUES ($1, $2) RETURNING id',
      [officeId, c.label],
    );
    return (row as { id: string }).id;
  }

  /** Refused while booked appointments still to come are at the counter, or while a clerk has it open. */
  setCounterActive(
    actor: Actor,
    officeId: string,
    counterId: string,
    active: boolean,
  ): Promise<CatalogOutcome<CounterView>> {
    return this.change(actor, officeId, async (m) => {
      const counter = await this.findIn(m, officeId, 'counters', counterId);
      if (!counter) return invalid(unknown('counterId', 'counter'));
      if (!active && counter.futureAppointments > 0)
        return inUse(
          'FUTURE_APPOINTMENTS',
          `${counter.futureAppointments} booked appointment(s) still to come are at this counter; cancel or move them first.`,
          { appointments: counter.futureAppointments },
        );
      if (!active) {
        const open = await m.query('SELECT 1 FROM counter_session WHERE "counterId" = $1 AND "closedAt" IS NULL', [
          counterId,
        ]);
        if (open.length > 0)
          return invalid({
            field: 'counterId',
            code: 'COUNTER_OPEN',
            message: 'A clerk has this counter open; it must be closed first.',
          });
      }
      await m.query('UPDATE counter SET active = $2 WHERE id = $1', [counterId, active]);
      return ok(await this.view(m, officeId, 'counters', counterId));
    });
  }

  deleteCounter(actor: Actor, officeId: string, counterId: string): Promise<CatalogOutcome<DeletedView>> {
    return this.change(actor, officeId, async (m) => {
      const counter = await this.findIn(m, officeId, 'counters', counterId);
      if (!counter) return invalid(unknown('counterId', 'counter'));
      if (!counter.deletable) return inUse('IN_USE', inUseMessage('counter', counter.usage), counter.usage);
      await m.query('DELETE FROM counter WHERE id = $1', [counterId]);
      return ok({ id: counterId, officeId });
    });
  }
}
