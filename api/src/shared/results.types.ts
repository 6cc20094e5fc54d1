/** Failure types that many modules return in their result unions. */
import { Field, ObjectType } from 'type-graphql';
import type { FieldProblem } from './field-problem.js';

@ObjectType({ description: 'A problem with one input field.' })
export class FieldError {
  @Field(() => String, { description: 'Path of the field, e.g. "email" or "services.0.count".' })
  field: string;

  @Field(() => String, { description: 'Stable code to translate, e.g. REQUIRED, INVALID, TOO_SOON.' })
  code: string;

  @Field(() => String, { description: 'English explanation for developers.' })
  message: string;
}

@ObjectType({ description: 'The input was not accepted; nothing was changed.' })
export class InvalidInput {
  @Field(() => String)
  message: string;

  @Field(() => [FieldError])
  fields: FieldError[];
}

@ObjectType({ description: 'The ticket, counter or appointment belongs to an office the caller does not work in.' })
export class OfficeNotAllowed {
  @Field(() => String)
  message: string;
}

export const invalid = (fields: FieldProblem[]) =>
  Object.assign(new InvalidInput(), { message: 'Some input was not accepted; see fields.', fields });
export const officeNotAllowed = () =>
  Object.assign(new OfficeNotAllowed(), { message: 'This belongs to an office you do not work in.' });
