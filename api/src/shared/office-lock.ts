import type { DataSource, EntityManager } from 'typeorm';
import { OfficeEntity } from '../modules/catalog/office.entity.js';
import { type Actor, worksIn } from './actor.js';
import type { FieldProblem } from './field-problem.js';
import { isUuid } from './ids.js';

/** What an administrative change comes to: done (with its view), refused input, or an office the actor may not touch. */
export type AdminOutcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'invalid'; problems: FieldProblem[] }
  | { kind: 'officeNotAllowed' };

export const invalid = (...problems: FieldProblem[]) => ({ kind: 'invalid' as const, problems });
export const ok = <T>(value: T) => ({ kind: 'ok' as const, value });

export const unknownOffice: FieldProblem = {
  field: 'officeId',
  code: 'UNKNOWN_OFFICE',
  message: 'There is no such office.',
};

/**
 * Runs one administrative change of an office in one transaction on the office row (locked, so that concurrent edits
 * of the same office follow each other). Access is checked before the input, so that another office's manager learns
 * nothing from validation. After a successful change `afterChange` runs (e.g. forgetting cached booking plans).
 */
export async function withOffice<T>(
  ds: DataSource,
  actor: Actor,
  officeId: string,
  work: (m: EntityManager, office: OfficeEntity) => Promise<AdminOutcome<T>>,
  afterChange?: () => void,
): Promise<AdminOutcome<T>> {
  if (!isUuid(officeId)) return invalid(unknownOffice);
  if (!(await worksIn(ds.manager, actor, officeId))) return { kind: 'officeNotAllowed' };
  const outcome = await ds.transaction(async (m) => {
    const office = await m
      .getRepository(OfficeEntity)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :officeId', { officeId })
      .getOne();
    if (!office) return invalid(unknownOffice);
    return work(m, office);
  });
  if (outcome.kind === 'ok') afterChange?.();
  return outcome;
}
