import { createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';
import { ExpectedError } from '../../shared/results.types.js';
import { Role } from '../../shared/role.js';
import '../../shared/role.types.js';
import { Office } from '../catalog/catalog.types.js';

@ObjectType({ description: 'A staff account as its owner and admins see it.' })
export class StaffUser {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  username: string;

  @Field(() => String)
  displayName: string;

  @Field(() => [Role])
  roles: Role[];

  @Field(() => [Office], { description: 'Offices the account works in (all offices for ADMIN).' })
  offices: Office[];
}

@ObjectType({ description: 'Signed in; the session cookie is set.' })
export class LoginSuccess {
  @Field(() => StaffUser)
  me: StaffUser;
}

@ObjectType({ implements: ExpectedError, description: 'Username or password wrong (which one is not told).' })
export class InvalidCredentials implements ExpectedError {
  @Field(() => String)
  code: 'INVALID_CREDENTIALS';

  @Field(() => String)
  message: string;
}

@ObjectType({ implements: ExpectedError, description: 'Too many failed attempts; wait before trying again.' })
export class TooManyAttempts implements ExpectedError {
  @Field(() => String)
  code: 'TOO_MANY_ATTEMPTS';

  @Field(() => String)
  message: string;

  @Field(() => Int)
  retryAfterSeconds: number;
}

export const LoginResult = createUnionType({
  name: 'LoginResult',
  types: () => [LoginSuccess, InvalidCredentials, TooManyAttempts] as const,
});
