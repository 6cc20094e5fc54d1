import type { AdminOutcome } from './office-lock.js';
import { invalid, officeNotAllowed } from './results.types.js';

/** Turns an administrative outcome into the GraphQL union member: the view as `make`, InvalidInput or OfficeNotAllowed. */
export function adminResult<T extends object, R extends object>(o: AdminOutcome<T>, make: new () => R) {
  switch (o.kind) {
    case 'ok':
      return Object.assign(new make(), o.value);
    case 'invalid':
      return invalid(o.problems);
    case 'officeNotAllowed':
      return officeNotAllowed();
  }
}
