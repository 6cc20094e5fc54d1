import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import type { Office, OpeningHours, Service } from './catalog.types.js';
import { OfficeEntity } from './office.entity.js';
import { OpeningHoursEntity } from './opening-hours.entity.js';
import { ServiceEntity } from './service.entity.js';

export function toOffice(e: OfficeEntity): Office {
  return {
    id: e.id,
    slug: e.slug,
    name: e.name,
    enabled: e.enabled,
    timeZone: e.timeZone,
    address: { street: e.street, postalCode: e.postalCode, city: e.city },
    notice: e.notice,
    slotMinutes: e.slotMinutes,
    leadMinutes: e.leadMinutes,
    horizonDays: e.horizonDays,
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
    requiredDocuments: [...(e.documents ?? [])]
      .filter((sd) => sd.document.active)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.document.name.localeCompare(b.document.name, 'de'))
      .map((sd) => ({
        documentId: sd.document.id,
        name: sd.document.name,
        description: sd.document.description,
        mandatory: sd.mandatory,
        uploadable: sd.document.uploadable,
      })),
  };
}

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

const hhmm = (t: string) => t.slice(0, 5);

export class CatalogService {
  constructor(private readonly ds: DataSource) {}

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
