import { describe, expect, it } from 'vitest';
import { CLERK_ROLES, DESK_ROLES, hasAnyRole, MANAGER_ROLES } from './roles';

describe('who works where', () => {
  it('lets a person in with any one of the allowed roles', () => {
    expect(hasAnyRole(['CLERK'], CLERK_ROLES)).toBe(true);
    expect(hasAnyRole(['CLERK', 'INFO_DESK'], DESK_ROLES)).toBe(true);
    expect(hasAnyRole(['ADMIN'], MANAGER_ROLES)).toBe(true);
  });

  it('keeps out a person with none of them', () => {
    expect(hasAnyRole(['CLERK'], DESK_ROLES)).toBe(false);
    expect(hasAnyRole(['INFO_DESK', 'CLERK'], MANAGER_ROLES)).toBe(false);
    expect(hasAnyRole([], CLERK_ROLES)).toBe(false);
  });
});
