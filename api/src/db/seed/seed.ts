import type { DataSource, EntityManager } from 'typeorm';
import { CounterEntity } from '../../modules/catalog/counter.entity.js';
import { OfficeEntity } from '../../modules/catalog/office.entity.js';
import { HoursKind, OpeningHoursEntity } from '../../modules/catalog/opening-hours.entity.js';
import { RequiredDocumentEntity } from '../../modules/catalog/required-document.entity.js';
import { ServiceEntity } from '../../modules/catalog/service.entity.js';
import { ServiceDocumentEntity } from '../../modules/catalog/service-document.entity.js';
import { DeviceEntity } from '../../modules/devices/device.entity.js';
import { AuthService } from '../../modules/staff/auth.service.js';
import { StaffUserEntity } from '../../modules/staff/staff-user.entity.js';
import { hashSecret } from '../../shared/credentials.js';
import type { StaffRole } from '../../shared/role.js';
import { type DemoOffice, demoDevices, demoDocuments, demoLogins, demoOffices } from './demo-data.js';

const SEED_LOCK = 72_340_118;

/**
 * Loads the demo data into an empty database; does nothing when any office exists.
 * Safe to call from several processes at once (advisory lock, one transaction).
 */
export async function seedDemo(ds: DataSource): Promise<'seeded' | 'skipped'> {
  return ds.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    if ((await em.count(OfficeEntity)) > 0) return 'skipped';
    const offices = new Map<string, OfficeEntity>();
    for (const office of demoOffices) offices.set(office.slug, await seedOffice(em, office));
    for (const login of demoLogins) {
      await em.save(
        em.create(StaffUserEntity, {
          username: login.username,
          displayName: login.displayName,
          passwordHash: await AuthService.hashPassword(login.password),
          roles: login.roles as StaffRole[],
          offices: login.offices.map((slug) => offices.get(slug) as OfficeEntity),
        }),
      );
    }
    for (const device of demoDevices) {
      await em.insert(DeviceEntity, {
        officeId: (offices.get(device.office) as OfficeEntity).id,
        kind: device.kind,
        name: device.name,
        tokenHash: hashSecret(device.token),
      });
    }
    return 'seeded';
  });
}

async function seedOffice(em: EntityManager, data: DemoOffice): Promise<OfficeEntity> {
  const office = await em.save(
    em.create(OfficeEntity, {
      slug: data.slug,
      name: data.name,
      enabled: data.enabled,
      street: data.street,
      postalCode: data.postalCode,
      city: data.city,
      phone: data.phone,
      email: data.email,
      timeZone: 'Europe/Berlin',
      holidayRegion: 'BW',
    }),
  );
  for (const kind of [HoursKind.OPEN, HoursKind.APPOINTMENTS]) {
    await em.insert(
      OpeningHoursEntity,
      data.hours.map((h) => ({ ...h, kind, officeId: office.id })),
    );
  }
  const documents = new Map<string, RequiredDocumentEntity>();
  const services = new Map<string, ServiceEntity>();
  for (const [order, s] of data.services.entries()) {
    const service = await em.save(
      em.create(ServiceEntity, {
        officeId: office.id,
        name: s.name,
        description: s.description,
        durationMinutes: s.durationMinutes,
        leikaKey: s.leikaKey ?? null,
        bookableOnline: s.bookableOnline ?? true,
        walkInAllowed: s.walkInAllowed ?? true,
        maxPerBooking: s.maxPerBooking ?? 1,
        translations: s.translations ?? [],
        sortOrder: order,
      }),
    );
    services.set(s.key, service);
    for (const [docOrder, link] of s.documents.entries()) {
      let document = documents.get(link.doc);
      if (!document) {
        const d = demoDocuments[link.doc];
        document = await em.save(
          em.create(RequiredDocumentEntity, {
            officeId: office.id,
            name: d.name,
            description: d.description,
            uploadable: 'uploadable' in d ? d.uploadable : false,
            translations: 'translations' in d ? [...d.translations] : [],
          }),
        );
        documents.set(link.doc, document);
      }
      await em.insert(ServiceDocumentEntity, {
        serviceId: service.id,
        documentId: document.id,
        mandatory: link.mandatory,
        sortOrder: docOrder,
      });
    }
  }
  for (const c of data.counters) {
    await em.save(
      em.create(CounterEntity, {
        officeId: office.id,
        label: c.label,
        services: c.services.map((key) => services.get(key) as ServiceEntity),
      }),
    );
  }
  return office;
}
