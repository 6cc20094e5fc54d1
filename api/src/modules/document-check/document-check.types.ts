import { createUnionType, Field, ObjectType } from 'type-graphql';
import { ExpectedError, InvalidInput, OfficeNotAllowed } from '../../shared/results.types.js';
import { Appointment, AppointmentNotChangeable, AppointmentNotFound } from '../booking/booking.types.js';

@ObjectType({
  description: "Today's and tomorrow's booked appointments of an office with uploaded files, earliest first.",
})
export class DocumentCheckList {
  @Field(() => [Appointment])
  appointments: Appointment[];
}

@ObjectType({
  implements: ExpectedError,
  description: 'There is no such uploaded file attached to an appointment (any more: it may have been replaced).',
})
export class UploadNotFound implements ExpectedError {
  @Field(() => String)
  message: string;
}

export const DocumentCheckListResult = createUnionType({
  name: 'DocumentCheckListResult',
  types: () => [DocumentCheckList, OfficeNotAllowed, InvalidInput] as const,
});

export const CheckUploadResult = createUnionType({
  name: 'CheckUploadResult',
  types: () => [Appointment, UploadNotFound, OfficeNotAllowed, InvalidInput] as const,
});

export const ReplaceUploadResult = createUnionType({
  name: 'ReplaceUploadResult',
  types: () => [Appointment, AppointmentNotFound, AppointmentNotChangeable, InvalidInput] as const,
});
