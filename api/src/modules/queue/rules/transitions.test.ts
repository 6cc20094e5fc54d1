import { describe, expect, it } from 'vitest';
import { TicketAction, TicketEventType, TicketStatus } from './ticket-model.js';
import { isAllowed, isAtCounter, isUndoable, recallOutcome } from './transitions.js';

const allStatuses = Object.values(TicketStatus);
const from = (action: TicketAction) => allStatuses.filter((s) => isAllowed(action, s));

describe('ticket transitions', () => {
  it('calls only waiting tickets, recalls, starts and no-shows only called ones', () => {
    expect(from(TicketAction.CALL)).toEqual(['WAITING']);
    expect(from(TicketAction.RECALL)).toEqual(['CALLED']);
    expect(from(TicketAction.START)).toEqual(['CALLED']);
    expect(from(TicketAction.NO_SHOW)).toEqual(['CALLED']);
  });

  it('finishes from the counter only, and nothing leaves DONE', () => {
    expect(from(TicketAction.FINISH)).toEqual(['CALLED', 'SERVING']);
    for (const action of Object.values(TicketAction)) expect(isAllowed(action, TicketStatus.DONE), action).toBe(false);
  });

  it('reactivates parked, no-show and cancelled tickets, and parks from the queue or the counter', () => {
    expect(from(TicketAction.REACTIVATE)).toEqual(['NO_SHOW', 'PARKED', 'CANCELLED']);
    expect(from(TicketAction.PARK)).toEqual(['WAITING', 'CALLED', 'SERVING']);
    expect(from(TicketAction.TRANSFER)).toEqual(['WAITING', 'CALLED', 'SERVING', 'PARKED']);
  });

  it('knows which statuses are at a counter', () => {
    expect(allStatuses.filter(isAtCounter)).toEqual(['CALLED', 'SERVING']);
  });

  it('undoes calls, no-shows, parking and transfers, never finishing or issuing', () => {
    expect(Object.values(TicketEventType).filter(isUndoable)).toEqual([
      'CALLED',
      'RECALLED',
      'SERVING_STARTED',
      'NO_SHOW',
      'PARKED',
      'REACTIVATED',
      'TRANSFERRED',
      'CANCELLED',
    ]);
  });

  it('turns the call after the last allowed one into a no-show', () => {
    expect(recallOutcome(1, 3)).toBe('RECALL');
    expect(recallOutcome(2, 3)).toBe('RECALL');
    expect(recallOutcome(3, 3)).toBe('NO_SHOW');
    expect(recallOutcome(1, 1)).toBe('NO_SHOW');
  });
});
