/** Failure types that many modules return in their result unions. */
import { Field, InterfaceType, ObjectType } from 'type-graphql';
import type { FieldProblem } from './field-problem.js';

/**
 * What every failure member of a result union has. Writes answer with a union of their success type and the
 * failures the caller can expect; a client that shows only the message selects `... on ExpectedError { message }`.
 */
@InterfaceType({
  description:
    'A failure the caller can expect and handle (every failure member of a result union implements it); nothing was changed.',
})
export abstract class ExpectedError {
  @Field(() => String, { description: 'English explanation; clients show their own text for the type.' })
  message: string;
}

@ObjectType({ description: 'A problem with one input field.' })
export class FieldError {
  @Field(() => String, { description: 'Path of the field, e.g. "email" or "services.0.count".' })
  field: string;

  @Field(() => String, { description: 'Stable code to translate, e.g. REQUIRED, INVALID, TOO_SOON.' })
  code: string;

  @Field(() => String, { description: 'English explanation for developers.' })
  message: string;
}

@ObjectType({ implements: ExpectedError, description: 'The input was not accepted; nothing was changed.' })
export class InvalidInput implements ExpectedError {
  @Field(() => String)
  message: string;

  @Field(() => [FieldError])
  fields: FieldError[];
}

@ObjectType({
  implements: ExpectedError,
  description: 'The ticket, counter or appointment belongs to an office the caller does not work in.',
})
export class OfficeNotAllowed implements ExpectedError {
  @Field(() => String)
  message: string;
}

export const invalid = (fields: FieldProblem[]) =>
  Object.assign(new InvalidInput(), { message: 'Some input was not accepted; see fields.', fields });
export const officeNotAllowed = () =>
  Object.assign(new OfficeNotAllowed(), { message: 'This belongs to an office you do not work in.' });
