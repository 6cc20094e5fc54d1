/**
 * What the queue's rules see of one office today: settings, opening hours, counters and their sessions, today's
 * tickets, learned durations and the appointments still expected. Plain data, loaded by store/queue-state.store.ts.
 */
import type { OpenInterval } from './estimate.js';
import type { TicketOrigin, TicketPriority, TicketStatus, WalkInOverride } from './ticket-model.js';

export type OfficeQueueSettings = {
  id: string;
  name: string;
  /** The office's live notice for visitors, e.g. "Two counters closed until 11:00". */
  notice: string | null;
  timeZone: string;
  holidayRegion: string;
  checkInLateMinutes: number;
  priorityMinutes: number;
  maxCalls: number;
  closingBufferMinutes: number;
};

export type QueueServiceInfo = {
  id: string;
  name: string;
  durationMinutes: number;
  walkInAllowed: boolean;
  bookableOnline: boolean;
  maxPerBooking: number;
  active: boolean;
};

export type CounterSessionInfo = {
  id: string;
  staffUserId: string;
  staffName: string;
  openedAt: Date;
  pausedAt: Date | null;
};

export type QueueCounterInfo = {
  id: string;
  label: string;
  serviceIds: string[];
  session: CounterSessionInfo | null;
  /** The next start of the counter's own hours today (when it takes appointments) after now, if any. */
  plannedOpensAt: number | null;
};

export type TicketServiceLine = { serviceId: string; name: string; count: number; doneCount: number | null };

/** A ticket as the queue's reads need it (no personal data: the appointment is referenced, not joined). */
export type TicketRow = {
  id: string;
  officeId: string;
  serviceDay: string;
  number: string;
  origin: TicketOrigin;
  appointmentId: string | null;
  appointmentStartsAt: Date | null;
  status: TicketStatus;
  priority: TicketPriority | null;
  priorityNote: string | null;
  dueAt: Date;
  arrivedAt: Date;
  counterId: string | null;
  counterLabel: string | null;
  callCount: number;
  calledAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  version: number;
  services: TicketServiceLine[];
};

export type WalkInStateRow = {
  serviceId: string;
  guardClosedSince: Date | null;
  override: WalkInOverride | null;
  overrideAt: Date | null;
};

/** A booked appointment of today that has not checked in yet and still may (its late window is open). */
export type ExpectedAppointmentRow = {
  id: string;
  startsAt: Date;
  /** Biometrics captured beforehand: the ticket will get priority at check-in. */
  priority: boolean;
  services: { serviceId: string; count: number }[];
};

export type QueueState = {
  office: OfficeQueueSettings;
  now: number;
  /** Office-local date of now. */
  today: string;
  open: OpenInterval[];
  services: Map<string, QueueServiceInfo>;
  /** Active counters, by label. */
  counters: QueueCounterInfo[];
  /** Today's tickets, in order of arrival. */
  tickets: TicketRow[];
  /** Learned minutes per unit and their spread, per service with enough finished tickets. */
  durations: Map<string, { minutes: number; spread: number }>;
  walkIns: Map<string, WalkInStateRow>;
  /** Today's appointments expected later: booked, not checked in, late window still open. */
  expected: ExpectedAppointmentRow[];
  /** The share of booked appointments that came, learned from the office's recent days. */
  showRate: number;
};
