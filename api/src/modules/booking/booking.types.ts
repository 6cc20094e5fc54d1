import { createUnionType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ExpectedError, InvalidInput } from '../../shared/results.types.js';
import type { CatalogTranslation } from '../catalog/catalog-texts.js';
import { AppointmentStatus, BookingChannel, DocumentCheckState } from './appointment-view.js';

registerEnumType(AppointmentStatus, { name: 'AppointmentStatus' });
registerEnumType(DocumentCheckState, {
  name: 'DocumentCheckState',
  description:
    "The office's pre-check of an uploaded file: TO_CHECK (not looked at yet, or replaced since), ACCEPTED, or REPLACE (please bring it or upload it again; see checkMessage).",
});
registerEnumType(BookingChannel, {
  name: 'BookingChannel',
  description: 'Where a booking was made: the booking site, a municipal portal (API key) or the information desk.',
});

export enum LimitKind {
  ACTIVE_PER_EMAIL = 'ACTIVE_PER_EMAIL',
  RATE = 'RATE',
}
registerEnumType(LimitKind, {
  name: 'LimitKind',
  description:
    'ACTIVE_PER_EMAIL: this address has the most upcoming appointments allowed; RATE: too many bookings from this address.',
});

export enum NotChangeableReason {
  CANCELLED = 'CANCELLED',
  STARTED = 'STARTED',
}
registerEnumType(NotChangeableReason, { name: 'NotChangeableReason' });

@InputType({ description: 'A chosen service and for how many persons.' })
export class ServiceChoiceInput {
  @Field(() => ID)
  serviceId: string;

  @Field(() => Int, { defaultValue: 1 })
  count: number;
}

@InputType()
export class BookAppointmentInput {
  @Field(() => ID)
  officeId: string;

  @Field(() => [ServiceChoiceInput])
  services: ServiceChoiceInput[];

  @Field(() => Date, { description: 'One of the starts that `availability` offered.' })
  start: Date;

  @Field(() => String, { description: 'Name of the person who comes.' })
  name: string;

  @Field(() => String)
  email: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { defaultValue: 'de', description: '"de" or "en": the language of mails and pages.' })
  language: string;

  @Field(() => Boolean, { description: 'The citizen accepted the privacy notice; must be true.' })
  privacyConsent: boolean;

  @Field(() => [ID], { defaultValue: [], description: 'Ids returned by POST /uploads.' })
  uploadIds: string[];
}

@ObjectType({ description: 'One day with free start times.' })
export class AvailableDay {
  @Field(() => String, { description: 'Office-local date YYYY-MM-DD.' })
  date: string;

  /** Epoch milliseconds: the DateTimeISO scalar writes them as ISO strings without a Date per start. */
  @Field(() => [Date])
  starts: readonly number[];
}

@ObjectType({ description: 'Free start times for the chosen services.' })
export class Availability {
  @Field(() => Int, { description: 'Length of the appointment: the services’ durations, rounded up to the slot grid.' })
  durationMinutes: number;

  @Field(() => [AvailableDay], { description: 'Days with at least one free start, in order.' })
  days: AvailableDay[];
}

@ObjectType({ implements: ExpectedError, description: 'The time was taken in the meantime; nothing was changed.' })
export class SlotUnavailable implements ExpectedError {
  @Field(() => String)
  message: string;

  @Field(() => [Date], { description: 'Up to three free starts nearest to the asked one.' })
  alternatives: Date[];
}

@ObjectType({ implements: ExpectedError, description: 'A booking limit was reached; nothing was changed.' })
export class LimitReached implements ExpectedError {
  @Field(() => LimitKind)
  limit: LimitKind;

  @Field(() => String)
  message: string;

  @Field(() => Int, { nullable: true })
  retryAfterSeconds: number | null;
}

@ObjectType({ implements: ExpectedError, description: 'No appointment has this manage token.' })
export class AppointmentNotFound implements ExpectedError {
  @Field(() => String)
  message: string;
}

@ObjectType({ implements: ExpectedError, description: 'The appointment can no longer be changed.' })
export class AppointmentNotChangeable implements ExpectedError {
  @Field(() => NotChangeableReason)
  reason: NotChangeableReason;

  @Field(() => String)
  message: string;
}

@ObjectType()
export class BookedService {
  @Field(() => ID)
  serviceId: string;

  @Field(() => String)
  name: string;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => Int)
  count: number;

  /** Read by `texts` and `text(language)` (catalogTextFields). */
  description: string;
  translations?: CatalogTranslation[];
}

@ObjectType({ description: 'A file uploaded for a document.' })
export class UploadedFile {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  fileName: string;

  @Field(() => String)
  mediaType: string;

  @Field(() => Int)
  sizeBytes: number;

  @Field(() => DocumentCheckState)
  checkState: DocumentCheckState;

  @Field(() => String, { nullable: true, description: 'With REPLACE: what the office asks the citizen to do.' })
  checkMessage: string | null;

  @Field(() => Date, { nullable: true, description: 'When the office last checked this file.' })
  checkedAt: Date | null;
}

@ObjectType({ description: 'A document to bring for the booked services, with the files uploaded for it.' })
export class AppointmentDocument {
  @Field(() => ID)
  documentId: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  description: string;

  @Field(() => Boolean)
  mandatory: boolean;

  @Field(() => Boolean)
  uploadable: boolean;

  @Field(() => [UploadedFile])
  uploads: UploadedFile[];

  /** Read by `texts` and `text(language)` (catalogTextFields). */
  translations?: CatalogTranslation[];
}

@ObjectType({ description: 'A booked appointment (Termin).' })
export class Appointment {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Short code to read out or type, e.g. K7M4-PQ2X.' })
  reference: string;

  @Field(() => AppointmentStatus)
  status: AppointmentStatus;

  @Field(() => ID)
  officeId: string;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field(() => [BookedService])
  services: BookedService[];

  @Field(() => [AppointmentDocument])
  documents: AppointmentDocument[];

  @Field(() => String)
  citizenName: string;

  @Field(() => String)
  email: string;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String)
  language: string;

  @Field(() => BookingChannel)
  channel: BookingChannel;

  @Field(() => String, { description: 'What the QR code holds; scanned at the kiosk to check in.' })
  checkInCode: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;
}

@ObjectType({ description: 'Booked. The manage token is shown only now: it belongs in the citizen’s manage link.' })
export class BookingConfirmed {
  /** Read only when the mutation's selection asks for it (see BookingConfirmedResolver). */
  appointmentId: string;

  @Field(() => Appointment)
  appointment?: Appointment;

  @Field(() => String)
  manageToken: string;
}

export const AvailabilityResult = createUnionType({
  name: 'AvailabilityResult',
  types: () => [Availability, InvalidInput] as const,
});

export const BookingResult = createUnionType({
  name: 'BookingResult',
  types: () => [BookingConfirmed, SlotUnavailable, InvalidInput, LimitReached] as const,
});

export const ManagedAppointmentResult = createUnionType({
  name: 'ManagedAppointmentResult',
  types: () => [Appointment, AppointmentNotFound] as const,
});

export const CancelResult = createUnionType({
  name: 'CancelResult',
  types: () => [Appointment, AppointmentNotFound, AppointmentNotChangeable] as const,
});

export const RescheduleResult = createUnionType({
  name: 'RescheduleResult',
  types: () => [Appointment, AppointmentNotFound, AppointmentNotChangeable, SlotUnavailable, InvalidInput] as const,
});

@ObjectType({
  description:
    'The answer to every well-formed request for the manage link, whether or not the appointment exists: when the reference and the address belong to an upcoming appointment, the link is on its way to that address.',
})
export class ManageLinkRequested {
  @Field(() => String, { description: 'The reference as understood, in canonical form ("K7M4-PQ2X").' })
  reference: string;
}

export const RequestManageLinkResult = createUnionType({
  name: 'RequestManageLinkResult',
  types: () => [ManageLinkRequested, InvalidInput, LimitReached] as const,
});
