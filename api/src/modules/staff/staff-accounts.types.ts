/** GraphQL types of staff account administration (ADMIN and office managers) and of setting a password by link. */
import { createUnionType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ExpectedError, InvalidInput, OfficeNotAllowed } from '../../shared/results.types.js';
import { Role } from '../../shared/role.js';
import { Office } from '../catalog/catalog.types.js';
import { TooManyAttempts } from './staff.types.js';

@ObjectType({ description: 'A staff account as administrators and office managers see it.' })
export class StaffAccount {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Lower-case; unique regardless of case.' })
  username: string;

  @Field(() => String)
  displayName: string;

  @Field(() => [Role])
  roles: Role[];

  @Field(() => [Office], { description: 'Offices the account works in (ADMIN works in all, listed or not).' })
  offices: Office[];

  @Field(() => Boolean, { description: 'A deactivated account cannot sign in; its sessions have ended.' })
  active: boolean;

  @Field(() => Date, { nullable: true })
  lastLoginAt: Date | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the open password link expires; null when none is open.' })
  passwordLinkExpiresAt: Date | null;
}

@InputType({ description: 'A new staff account; it gets its password through a password link.' })
export class CreateStaffAccountInput {
  @Field(() => String, { description: '3–40 characters a–z, 0–9, ".", "_", "-"; stored lower-case.' })
  username: string;

  @Field(() => String, { description: '2–100 characters.' })
  displayName: string;

  @Field(() => [Role], { description: 'Staff roles; only ADMIN may grant ADMIN.' })
  roles: Role[];

  @Field(() => [ID], { description: 'At least one office unless ADMIN; managers grant only their own offices.' })
  officeIds: string[];
}

@InputType({ description: 'Changes of a staff account; fields left out (or null) stay as they are.' })
export class UpdateStaffAccountInput {
  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => [Role], { nullable: true, description: 'Replaces the roles.' })
  roles?: Role[] | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the offices.' })
  officeIds?: string[] | null;
}

@ObjectType({ description: 'A one-time link to set a password, shown once: hand it to the account’s owner.' })
export class PasswordLink {
  @Field(() => ID)
  accountId: string;

  @Field(() => String, { description: 'The secret code; only its hash is stored.' })
  code: string;

  @Field(() => String, { description: 'The page to open, with the code in the fragment (never sent to servers).' })
  url: string;

  @Field(() => Date)
  expiresAt: Date;
}

@ObjectType({ description: 'The password is set; the account can sign in with it.' })
export class PasswordSet {
  @Field(() => String)
  username: string;
}

export enum PasswordLinkProblem {
  UNKNOWN = 'UNKNOWN',
  USED = 'USED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(PasswordLinkProblem, {
  name: 'PasswordLinkProblem',
  description: 'Why a password link was refused: unknown (or its account deactivated), already used, or expired.',
});

@ObjectType({
  implements: ExpectedError,
  description: 'The password link cannot be used; ask for a new one. Nothing was changed.',
})
export class PasswordLinkRefused implements ExpectedError {
  @Field(() => PasswordLinkProblem)
  code: PasswordLinkProblem;

  @Field(() => String)
  message: string;
}

export const StaffAccountResult = createUnionType({
  name: 'StaffAccountResult',
  types: () => [StaffAccount, InvalidInput, OfficeNotAllowed] as const,
});

export const PasswordLinkResult = createUnionType({
  name: 'PasswordLinkResult',
  types: () => [PasswordLink, InvalidInput, OfficeNotAllowed] as const,
});

export const SetPasswordResult = createUnionType({
  name: 'SetPasswordResult',
  types: () => [PasswordSet, PasswordLinkRefused, InvalidInput, TooManyAttempts] as const,
});

export const ChangePasswordResult = createUnionType({
  name: 'ChangePasswordResult',
  types: () => [PasswordSet, InvalidInput, TooManyAttempts] as const,
});
