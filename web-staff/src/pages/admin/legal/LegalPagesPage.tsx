import { useMutation, useQuery } from '@apollo/client/react';
import { QueryState } from '@bc/schema';
import { LEGAL_PAGES } from '@bc/schema/app-paths';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusRegion, useNotice } from '../../../components/StatusRegion';
import type { LegalPageFieldsFragment } from '../../../gql/graphql';
import { formatInstant } from '../admin-format';
import '../admin-global.css';
import { AdminPageFrame } from '../AdminPageFrame';
import { TextField } from '../catalog/catalog-ui';
import { LegalPagesQuery, SaveLegalPageMutation } from './legal-documents';

type Page = LegalPageFieldsFragment;
type Draft = { deTitle: string; deBody: string; enTitle: string; enBody: string; feedbackEmail: string };
/** The form's fields by the api's field names (`texts.0.title`: the first text sent, German). */
const FIELD_OF: Record<string, keyof Draft> = {
  'texts.0.title': 'deTitle',
  'texts.0.body': 'deBody',
  'texts.1.title': 'enTitle',
  'texts.1.body': 'enBody',
  texts: 'deBody',
  feedbackEmail: 'feedbackEmail',
};

function draftOf(page: Page): Draft {
  const text = (language: string) => page.texts.find((x) => x.language === language);
  return {
    deTitle: text('de')?.title ?? '',
    deBody: text('de')?.body ?? '',
    enTitle: text('en')?.title ?? '',
    enBody: text('en')?.body ?? '',
    feedbackEmail: page.feedbackEmail ?? '',
  };
}

/** /verwaltung/rechtliches — Impressum, Datenschutz and Barrierefreiheit of the installation (admins only). */
export function LegalPagesPage() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(LegalPagesQuery);
  const { notice, show } = useNotice();
  return (
    <AdminPageFrame title={t('legal.title')} back={t('legal.back')} intro={t('legal.intro')}>
      <StatusRegion notice={notice} />
      <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
      {data?.legalPages.map((page) => (
        <LegalPageForm
          key={page.kind}
          page={page}
          onSaved={() => show({ tone: 'success', text: t('legal.saved', { page: t(`common.legal.${page.kind}`) }) })}
          onFailed={() => show({ tone: 'danger', text: t('legal.failed') })}
        />
      ))}
    </AdminPageFrame>
  );
}

function LegalPageForm(props: { page: Page; onSaved: () => void; onFailed: () => void }) {
  const { t, i18n } = useTranslation();
  const { page } = props;
  const [draft, setDraft] = useState<Draft>(() => draftOf(page));
  // After a save the page comes back as stored (tidied): the form shows that, and keeps its place and focus.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new save replaces what was typed
  useEffect(() => setDraft(draftOf(page)), [page.updatedAt]);
  const [problems, setProblems] = useState<Partial<Record<keyof Draft, string>>>({});
  // The pages have no id for the cache to merge by: the list is read again after a save.
  const [save, { loading }] = useMutation(SaveLegalPageMutation, {
    refetchQueries: [LegalPagesQuery],
    awaitRefetchQueries: true,
  });
  const id = (field: keyof Draft) => `legal-${page.kind}-${field}`;
  const heading = `legal-${page.kind}-heading`;
  const field = (name: keyof Draft, label: string, extra: { multiline?: boolean; hint?: string } = {}) => (
    <TextField
      id={id(name)}
      label={label}
      value={draft[name]}
      onChange={(value) => setDraft((d) => ({ ...d, [name]: value }))}
      error={problems[name] && t(`legal.problem.${problems[name]}`, { defaultValue: t('legal.problem.INVALID') })}
      multiline={extra.multiline}
      rows={extra.multiline ? 12 : undefined}
      hint={extra.hint}
    />
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    let data: Awaited<ReturnType<typeof save>>['data'];
    try {
      ({ data } = await save({
        variables: {
          kind: page.kind,
          input: {
            texts: [
              { language: 'de', title: draft.deTitle, body: draft.deBody },
              { language: 'en', title: draft.enTitle, body: draft.enBody },
            ],
            feedbackEmail: draft.feedbackEmail,
          },
        },
      }));
    } catch {
      props.onFailed();
      return;
    }
    const result = data?.saveLegalPage;
    if (result?.__typename === 'InvalidInput') {
      const found: Partial<Record<keyof Draft, string>> = {};
      for (const f of result.fields) {
        const name = FIELD_OF[f.field];
        if (name && !found[name]) found[name] = f.code;
      }
      setProblems(found);
      const first = Object.keys(found)[0] as keyof Draft | undefined;
      if (first) document.getElementById(id(first))?.focus();
      return;
    }
    if (result?.__typename === 'LegalPage') {
      setProblems({});
      props.onSaved();
    }
  }

  return (
    <section className="bc-stack-sm bc-legal-admin" aria-labelledby={heading}>
      <h2 id={heading} className="kern-heading-medium">
        {t(`common.legal.${page.kind}`)}
      </h2>
      <p className="kern-body">
        {page.isSample ? (
          <strong>{t('legal.sample')}</strong>
        ) : (
          t('legal.updated', { when: formatInstant(page.updatedAt, i18n.language) })
        )}{' '}
        <a className="kern-link" href={`/booking/${LEGAL_PAGES[page.kind]}`} target="_blank" rel="noopener">
          {t('legal.view')}
        </a>
      </p>
      <form className="bc-stack-sm" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('legal.german')}</legend>
          {field('deTitle', t('legal.fieldTitle'))}
          {field('deBody', t('legal.fieldBody'), { multiline: true, hint: t('legal.formatHint') })}
        </fieldset>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('legal.english')}</legend>
          {field('enTitle', t('legal.fieldTitle'))}
          {field('enBody', t('legal.fieldBody'), { multiline: true, hint: t('legal.englishHint') })}
        </fieldset>
        {field('feedbackEmail', t(page.kind === 'ACCESSIBILITY' ? 'legal.feedbackEmail' : 'legal.contactEmail'), {
          hint: t(page.kind === 'ACCESSIBILITY' ? 'legal.feedbackHint' : 'legal.contactHint'),
        })}
        <div>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={loading}>
            <span className="kern-label">{t('legal.save', { page: t(`common.legal.${page.kind}`) })}</span>
          </button>
        </div>
      </form>
    </section>
  );
}
