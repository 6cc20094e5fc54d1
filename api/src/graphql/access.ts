import { GraphQLError } from 'graphql';
import { type AuthChecker, Authorized, Extensions } from 'type-graphql';
import { rolesOf } from '../shared/identity.js';
import { Role, staffRoles } from '../shared/role.js';
import type { Context } from './context.js';
import { ErrorCode } from './errors.js';

/** Marks in the schema (field extensions) who may call an operation; the access test reads them. */
export const PUBLIC = 'PUBLIC';
export const CITIZEN_TOKEN = 'CITIZEN_TOKEN';
export type Access = Role | typeof PUBLIC | typeof CITIZEN_TOKEN;

type Decorator = MethodDecorator & PropertyDecorator;

const mark = (access: Access[]): Decorator => Extensions({ access }) as Decorator;

/** Callable by the listed roles only. */
export function Allow(...roles: Role[]): Decorator {
  if (roles.length === 0) throw new Error('Allow() needs at least one role; use Public() for open operations');
  const authorized = Authorized(roles) as Decorator;
  const marked = mark(roles);
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    authorized(target, key, descriptor as PropertyDescriptor);
    marked(target, key, descriptor as PropertyDescriptor);
  };
}

/** Callable by anyone, including anonymous visitors and portals. */
export const Public = (): Decorator => mark([PUBLIC]);

/** Callable by anyone who holds the secret token the operation takes as an argument. */
export const CitizenToken = (): Decorator => mark([CITIZEN_TOKEN]);

export const StaffRoles = [...staffRoles];

export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const have = rolesOf(context.identity);
  if (roles.some((r) => have.includes(r))) return true;
  if (context.identity.kind === 'anonymous') {
    throw new GraphQLError('Please sign in.', { extensions: { code: ErrorCode.Unauthenticated } });
  }
  throw new GraphQLError('You are not allowed to do this.', { extensions: { code: ErrorCode.Forbidden } });
};
