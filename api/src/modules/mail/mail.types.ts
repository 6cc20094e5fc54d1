import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MailKind } from './mail-message.entity.js';

registerEnumType(MailKind, {
  name: 'MailKind',
  description: 'Which mail to the citizen: booking confirmation, reschedule or cancellation notice, or a reminder.',
});

@ObjectType({ description: 'A mail to the citizen that could not be delivered and will not be tried again.' })
export class MailProblem {
  @Field(() => MailKind)
  kind: MailKind;

  @Field(() => Int, { description: 'How often sending was tried.' })
  attempts: number;

  @Field(() => String, { nullable: true, description: 'The last error, e.g. the mail server’s rejection.' })
  error: string | null;

  @Field(() => Date, { nullable: true })
  lastAttemptAt: Date | null;
}
