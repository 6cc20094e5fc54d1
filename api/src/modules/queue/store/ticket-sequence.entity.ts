import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last number given per office, local day and letter. Taking a number is one upsert that locks this row until
 * the ticket's transaction ends, so numbers have no gaps and no duplicates; a new day starts at 1.
 */
@Entity({ name: 'ticket_sequence' })
@Check('ticket_sequence_last_positive', '"last" >= 1')
export class TicketSequenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  officeId: string;

  @PrimaryColumn({ type: 'date' })
  serviceDay: string;

  @PrimaryColumn({ type: 'text' })
  prefix: string;

  @Column({ type: 'integer' })
  last: number;
}
