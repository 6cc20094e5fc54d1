import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { isUuid } from '../../shared/ids.js';
import { KeptPromises } from '../../shared/kept-promises.js';
import { mapUrl, phoneUri } from '../../shared/office-contact.js';
import type { Office, OpeningHours, Service, Translatable } from './catalog.types.js';
import { holidaysBetween } from './holidays.js';
import { OfficeEntity } from './office.entity.js';
import { OpeningHoursEntity } from './opening-hours.entity.js';
import { ServiceEntity } from './service.entity.js';
import { type SpecialDayFacts, specialDays } from './special-days.js';

/** How long a process keeps a service's texts for ticket lines and display waits (CatalogService.serviceTexts). */
const SERVICE_TEXTS_TTL_MS = 10_000;

export function toOffice(e: OfficeEntity): Office {
  return {
    id: e.id,
    slug: e.slug,
    name: e.name,
    enabled: e.enabled,
    timeZone: e.timeZone,
    address: { street: e.street, postalCode: e.postalCode, city: e.city },
    contact: { phone: e.phone, phoneUri: phoneUri(e.phone), email: e.email },
    mapUrl: mapUrl(e),
    notice: e.notice,
    slotMinutes: e.slotMinutes,
    leadMinutes: e.leadMinutes,
    horizonDays: e.horizonDays,
    languages: e.languages,
  };
}

function toService(e: ServiceEntity): Service {
  return {
    id: e.id,
    officeId: e.officeId,
    name: e.name,
    description: e.description,
    durationMinutes: e.durationMinutes,
    leikaKey: e.leikaKey,
    bookableOnline: e.bookableOnline,
    walkInAllowed: e.walkInAllowed,
    maxPerBooking: e.maxPerBooking,
    translations: e.translations,
    requiredDocuments: [...(e.documents ?? [])]
      .filter((sd) => sd.document.active)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.document.name.localeCompare(b.document.name, 'de'))
      .map((sd) => ({
        documentId: sd.document.id,
        name: sd.document.name,
        description: sd.document.description,
        mandatory: sd.mandatory,
        uploadable: sd.document.uploadable,
        translations: sd.document.translations,
      })),
  };
}

const hhmm = (t: string) => t.slice(0, 5);

export class CatalogService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
  ) {}

  /**
   * The office's special days from today (office-local) through its booking horizon: holidays and closures on days
   * it would open, and extra opening days (see specialDays).
   */
  async specialDays(officeId: string): Promise<SpecialDayFacts[]> {
    const [row]: {
      holidayRegion: string;
      from: string;
      to: string;
      openWeekdays: number[];
      closures: { date: string; reason: string }[];
      extraDays: { date: string; opensAt: string; closesAt: string; note: string }[];
    }[] = await this.ds.query(
      `WITH o AS (SELECT id, "holidayRegion", ($2::timestamptz AT TIME ZONE "timeZone")::date AS today, "horizonDays"
                    FROM office WHERE id = $1)
       SELECT o."holidayRegion", o.today::text AS from, (o.today + o."horizonDays")::text AS to,
         (SELECT coalesce(jsonb_agg(DISTINCT h.weekday), '[]') FROM opening_hours h
           WHERE h."officeId" = o.id AND h.kind = 'OPEN') AS "openWeekdays",
         (SELECT coalesce(jsonb_agg(jsonb_build_object('date', c.date::text, 'reason', c.reason)), '[]')
            FROM office_closure c WHERE c."officeId" = o.id AND c.date BETWEEN o.today AND o.today + o."horizonDays") AS closures,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('date', e.date::text, 'opensAt', to_char(e."opensAt", 'HH24:MI'),
                   'closesAt', to_char(e."closesAt", 'HH24:MI'), 'note', e.note)), '[]')
            FROM office_extra_day e WHERE e."officeId" = o.id AND e.date BETWEEN o.today AND o.today + o."horizonDays") AS "extraDays"
       FROM o`,
      [officeId, this.now()],
    );
    if (!row) return [];
    return specialDays({
      from: row.from,
      to: row.to,
      openWeekdays: new Set(row.openWeekdays),
      holidays: holidaysBetween(row.holidayRegion, row.from, row.to),
      closures: row.closures,
      extraDays: row.extraDays,
    });
  }

  async offices(opts: { includeDisabled: boolean }): Promise<Office[]> {
    const rows = await this.ds.getRepository(OfficeEntity).find({
      where: opts.includeDisabled ? {} : { enabled: true },
      order: { name: 'ASC' },
    });
    return rows.map(toOffice);
  }

  async office(where: { id?: string; slug?: string }, opts: { includeDisabled: boolean }): Promise<Office | null> {
    if (where.id ? !isUuid(where.id) : !where.slug) return null;
    const row = await this.ds.getRepository(OfficeEntity).findOneBy(where.id ? { id: where.id } : { slug: where.slug });
    return row && (row.enabled || opts.includeDisabled) ? toOffice(row) : null;
  }

  async officesByIds(ids: string[]): Promise<Office[]> {
    if (ids.length === 0) return [];
    const rows = await this.ds.getRepository(OfficeEntity).find({ where: { id: In(ids) }, order: { name: 'ASC' } });
    return rows.map(toOffice);
  }

  /**
   * A service's German and translated texts by id, for lines that name a service by id and German name only (a
   * ticket's services, the call display's waits). Every update of every open tracking page and display reads them,
   * so a process keeps them for a few seconds (misses batched into one query); a catalog change in this process
   * forgets them at once, one in another process shows within SERVICE_TEXTS_TTL_MS.
   */
  serviceTexts(serviceId: string): Promise<Translatable | null> {
    return this.serviceTextsKept.get(serviceId, () => this.serviceTextsBatch.load(serviceId));
  }

  /** Forgets the kept service texts, after a catalog change in this process. */
  forgetServiceTexts(): void {
    this.serviceTextsKept.clear();
  }

  private readonly serviceTextsKept = new KeptPromises<Translatable | null>(SERVICE_TEXTS_TTL_MS, 10_000);
  private readonly serviceTextsBatch = new DataLoader<string, Translatable | null>(
    async (ids) => {
      const rows = await this.ds.getRepository(ServiceEntity).find({
        where: { id: In([...ids]) },
        select: { id: true, name: true, description: true, translations: true },
      });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { cache: false },
  );

  /** Per-request batch loaders, so that a list of offices costs one query per relation. */
  loaders() {
    return {
      services: new DataLoader<string, Service[]>(async (officeIds) => {
        const rows = await this.ds.getRepository(ServiceEntity).find({
          where: { officeId: In([...officeIds]), active: true },
          relations: { documents: { document: true } },
          order: { sortOrder: 'ASC', name: 'ASC' },
        });
        return officeIds.map((id) => rows.filter((r) => r.officeId === id).map(toService));
      }),
      openingHours: new DataLoader<string, OpeningHours[]>(async (officeIds) => {
        const rows = await this.ds.getRepository(OpeningHoursEntity).find({
          where: { officeId: In([...officeIds]) },
          order: { kind: 'ASC', weekday: 'ASC', opensAt: 'ASC' },
        });
        return officeIds.map((id) =>
          rows
            .filter((r) => r.officeId === id)
            .map((r) => ({ kind: r.kind, weekday: r.weekday, opensAt: hhmm(r.opensAt), closesAt: hhmm(r.closesAt) })),
        );
      }),
    };
  }
}

export type CatalogLoaders = ReturnType<CatalogService['loaders']>;
