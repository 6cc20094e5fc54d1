/** What the live subscriptions send, computed from an office snapshot (pure: no database, no clock). */

import { ticketView } from '../queue/queue-view.service.js';
import { neededServices, waitingTickets, walkInPrediction } from '../queue/rules/queue-estimates.js';
import type { TicketView } from '../queue/rules/queue-outcomes.js';
import { TicketStatus } from '../queue/rules/ticket-model.js';
import type { OfficeSnapshot } from './office-feeds.js';

/** How many calls the display lists (the newest first). */
export const BOARD_CALLS = 8;

export type BoardCallView = {
  /** Changes with every call and recall of a ticket: the display announces each new key once. */
  key: string;
  number: string;
  counterLabel: string;
  calledAt: Date;
  callCount: number;
  /** Still waiting for the visitor to come (CALLED), not yet being served or done. */
  active: boolean;
};

export type ServiceWaitView = {
  serviceId: string;
  name: string;
  waiting: number;
  /** For someone drawing a ticket now; null when nobody could be called today. */
  expectedWaitMinutes: number | null;
};

export type CallBoardView = {
  officeId: string;
  officeName: string;
  notice: string | null;
  at: Date;
  calls: BoardCallView[];
  services: ServiceWaitView[];
};

/** One ticket of the snapshot as its holder sees it; null when it is not one of the office's tickets today. */
export function ticketOfSnapshot(snap: OfficeSnapshot, ticketId: string): TicketView | null {
  const row = snap.byId.get(ticketId);
  return row ? ticketView(row, snap.state.office, snap.estimates.get(ticketId) ?? null, snap.state.now) : null;
}

/** Today's calls, newest first: a ticket sent back to the queue (transfer, undo) has no call any more. */
export function boardCalls(snap: OfficeSnapshot, limit = BOARD_CALLS): BoardCallView[] {
  return snap.state.tickets
    .filter((t) => t.calledAt !== null && t.counterLabel !== null && t.status !== TicketStatus.WAITING)
    .sort((a, b) => (b.calledAt?.getTime() ?? 0) - (a.calledAt?.getTime() ?? 0))
    .slice(0, limit)
    .map((t) => ({
      key: `${t.id}:${t.callCount}:${t.calledAt?.getTime()}`,
      number: t.number,
      counterLabel: t.counterLabel as string,
      calledAt: t.calledAt as Date,
      callCount: t.callCount,
      active: t.status === TicketStatus.CALLED,
    }));
}

/** Per service open to walk-ins or with someone waiting: how many wait, and how long a newcomer would wait. */
export function serviceWaits(snap: OfficeSnapshot): ServiceWaitView[] {
  const { state } = snap;
  const waiting = new Map<string, number>();
  for (const t of waitingTickets(state))
    for (const id of neededServices(t)) waiting.set(id, (waiting.get(id) ?? 0) + 1);
  const minute = 60_000;
  return [...state.services.values()]
    .filter((s) => s.active && (s.walkInAllowed || waiting.has(s.id)))
    .map((s) => {
      const prediction = walkInPrediction(state, [{ serviceId: s.id, count: 1 }], false);
      return {
        serviceId: s.id,
        name: s.name,
        waiting: waiting.get(s.id) ?? 0,
        expectedWaitMinutes: prediction ? Math.max(0, Math.round((prediction.callAt - state.now) / minute)) : null,
      };
    });
}

const boards = new WeakMap<OfficeSnapshot, CallBoardView>();

/** The call display's picture; computed once per snapshot however many displays watch. */
export function callBoard(snap: OfficeSnapshot): CallBoardView {
  const known = boards.get(snap);
  if (known) return known;
  const board = {
    officeId: snap.state.office.id,
    officeName: snap.state.office.name,
    notice: snap.state.office.notice,
    at: new Date(snap.state.now),
    calls: boardCalls(snap),
    services: serviceWaits(snap),
  };
  boards.set(snap, board);
  return board;
}

const ticketLists = new WeakMap<OfficeSnapshot, TicketView[]>();

/** All of the office's tickets today as staff see them; made once per snapshot, and only when some screen asks. */
export function snapshotTickets(snap: OfficeSnapshot): TicketView[] {
  let list = ticketLists.get(snap);
  if (!list) {
    list = snap.state.tickets.map((t) => ticketOfSnapshot(snap, t.id)).filter((t) => t !== null);
    ticketLists.set(snap, list);
  }
  return list;
}
