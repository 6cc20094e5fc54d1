import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { LegalText } from './legal-rules.js';

/** An installation's own text of one legal page; a page without a row shows its sample text (legal-samples.ts). */
@Entity({ name: 'legal_page' })
@Check('legal_page_kind_known', `"kind" IN ('IMPRINT', 'PRIVACY', 'ACCESSIBILITY')`)
export class LegalPageEntity {
  @PrimaryColumn({ type: 'text' })
  kind: string;

  /** One entry per language, German first (legal-rules.ts checks them before they are stored). */
  @Column({ type: 'jsonb' })
  texts: LegalText[];

  @Column({ type: 'text', nullable: true })
  feedbackEmail: string | null;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
