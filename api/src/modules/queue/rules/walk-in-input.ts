/** Checks the services asked for on a walk-in ticket or a transfer (pure). */
import type { FieldProblem } from '../../../shared/field-problem.js';

export type ServiceChoice = { serviceId: string; count: number };
export type ServiceFacts = { active: boolean; walkInAllowed: boolean; maxPerBooking: number };

/**
 * Problems with the chosen services, in input order: none chosen, unknown (or another office's), inactive, not for
 * walk-ins (when `walkIn`), a count outside 1…maxPerBooking, chosen twice; and NO_COUNTER when no counter handles all
 * of them together, since one counter serves a ticket.
 */
export function checkServiceChoices(
  choices: readonly ServiceChoice[],
  services: ReadonlyMap<string, ServiceFacts>,
  counters: readonly { serviceIds: readonly string[] }[],
  opts: { walkIn: boolean; field?: string },
): FieldProblem[] {
  const field = opts.field ?? 'services';
  if (choices.length === 0) return [{ field, code: 'REQUIRED', message: 'Choose at least one service.' }];
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  choices.forEach((c, i) => {
    const facts = services.get(c.serviceId);
    if (!facts?.active)
      problems.push({ field: `${field}.${i}`, code: 'UNKNOWN_SERVICE', message: 'There is no such service here.' });
    else if (opts.walkIn && !facts.walkInAllowed)
      problems.push({
        field: `${field}.${i}`,
        code: 'NOT_WALK_IN',
        message: 'This service needs an appointment.',
      });
    else if (!Number.isInteger(c.count) || c.count < 1 || c.count > facts.maxPerBooking)
      problems.push({
        field: `${field}.${i}.count`,
        code: 'COUNT_OUT_OF_RANGE',
        message: `Choose between 1 and ${facts.maxPerBooking}.`,
      });
    else if (seen.has(c.serviceId))
      problems.push({ field: `${field}.${i}`, code: 'DUPLICATE', message: 'This service is chosen twice.' });
    seen.add(c.serviceId);
  });
  if (problems.length === 0 && !counters.some((c) => choices.every((x) => c.serviceIds.includes(x.serviceId))))
    problems.push({ field, code: 'NO_COUNTER', message: 'No counter handles these services together.' });
  return problems;
}
