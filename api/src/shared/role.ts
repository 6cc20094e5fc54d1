/** Everyone who can call the API, as the auth checker sees them. */
export enum Role {
  ADMIN = 'ADMIN',
  OFFICE_MANAGER = 'OFFICE_MANAGER',
  CLERK = 'CLERK',
  INFO_DESK = 'INFO_DESK',
  KIOSK = 'KIOSK',
  DISPLAY = 'DISPLAY',
  /** The self-service terminal that captures photo, signature and fingerprints (biometrics). */
  PHOTO_TERMINAL = 'PHOTO_TERMINAL',
  PORTAL = 'PORTAL',
}

export const staffRoles = [Role.ADMIN, Role.OFFICE_MANAGER, Role.CLERK, Role.INFO_DESK] as const;
export type StaffRole = (typeof staffRoles)[number];

export const deviceRoles = [Role.KIOSK, Role.DISPLAY, Role.PHOTO_TERMINAL] as const;
export type DeviceKind = (typeof deviceRoles)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}
