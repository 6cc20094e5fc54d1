/** The legal pages of the installation: read by everyone, written by administrators (audit-logged as mutations). */
import type { DataSource } from 'typeorm';
import { LegalPageEntity } from './legal-page.entity.js';
import {
  type Checked,
  checkLegalPage,
  type LegalPageContent,
  type LegalPageInput,
  LegalPageKind,
} from './legal-rules.js';
import { LEGAL_SAMPLES } from './legal-samples.js';

export type LegalPageView = LegalPageContent & { kind: LegalPageKind; isSample: boolean; updatedAt: Date | null };

export class LegalService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
  ) {}

  async page(kind: LegalPageKind): Promise<LegalPageView> {
    const row = await this.ds.getRepository(LegalPageEntity).findOneBy({ kind });
    return row ? view(kind, row) : { kind, ...LEGAL_SAMPLES[kind], isSample: true, updatedAt: null };
  }

  async pages(): Promise<LegalPageView[]> {
    return Promise.all(Object.values(LegalPageKind).map((k) => this.page(k)));
  }

  /** Replaces the page's texts as a whole (one upsert: two administrators saving at once, the later one wins). */
  async save(kind: LegalPageKind, input: LegalPageInput): Promise<Checked<LegalPageView>> {
    const checked = checkLegalPage(kind, input);
    if (!checked.ok) return checked;
    const row = { kind, ...checked.value, updatedAt: this.now() };
    await this.ds.getRepository(LegalPageEntity).upsert(row, ['kind']);
    return { ok: true, value: view(kind, row) };
  }
}

const view = (kind: LegalPageKind, row: Omit<LegalPageEntity, 'kind'>): LegalPageView => ({
  kind,
  texts: row.texts,
  feedbackEmail: row.feedbackEmail,
  isSample: false,
  updatedAt: row.updatedAt,
});
