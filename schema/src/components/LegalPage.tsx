import { useQuery } from '@apollo/client/react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Route } from 'react-router';
import { LEGAL_PAGES } from '../app-paths.js';
import { type LegalPageKind, LegalPageQuery } from '../legal.js';
import { legalBlocks, legalTextFor } from '../legal-text.js';
import { usePageTitle } from '../page-hooks.js';
import { PageHeading } from './PageHeading.js';
import { QueryState } from './QueryState.js';

/**
 * Impressum, Datenschutz or Barrierefreiheit as the installation wrote them. A page without a text in the reader's
 * language shows the German one, marked `lang="de"` so that screen readers pronounce it right.
 */
export function LegalPage(props: { kind: LegalPageKind }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(LegalPageQuery, { variables: { kind: props.kind } });
  const page = data?.legalPage;
  const { text, fallback } = legalTextFor(page?.texts ?? [], i18n.language);
  usePageTitle(text?.title ?? t(`common.legal.${props.kind}`));
  if (!page || !text) return <QueryState loading={loading} error={error} onRetry={() => void refetch()} />;
  return (
    <article className="bc-legal" lang={fallback ? 'de' : undefined}>
      {fallback && (
        <p className="kern-body" lang={i18n.language}>
          {t('common.legal.germanOnly')}
        </p>
      )}
      <PageHeading>{text.title}</PageHeading>
      {legalBlocks(text.body).map((block, i) => {
        const key = `${block.kind}-${i}`;
        if (block.kind === 'heading')
          return (
            <h2 key={key} className="kern-heading-medium">
              {block.text}
            </h2>
          );
        if (block.kind === 'list')
          return (
            <ul key={key} className="kern-list">
              {block.items.map((item, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the items are static text in their order
                <li key={j}>{item}</li>
              ))}
            </ul>
          );
        return (
          <p key={key} className="kern-body">
            {block.lines.map((line, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines are static text in their order
              <Fragment key={j}>
                {j > 0 && <br />}
                {line}
              </Fragment>
            ))}
          </p>
        );
      })}
      {page.feedbackEmail && (
        <section aria-labelledby="legal-contact" lang={fallback ? i18n.language : undefined}>
          <h2 id="legal-contact" className="kern-heading-medium">
            {t(props.kind === 'ACCESSIBILITY' ? 'common.legal.feedback' : 'common.legal.contact')}
          </h2>
          <p className="kern-body">
            <a className="kern-link" href={`mailto:${page.feedbackEmail}`}>
              {page.feedbackEmail}
            </a>
          </p>
        </section>
      )}
    </article>
  );
}

/** The legal pages' routes, for an app's page frame (web-booking and web-tracker: `{legalRoutes()}`). */
export const legalRoutes = () =>
  (Object.keys(LEGAL_PAGES) as LegalPageKind[]).map((kind) => (
    <Route key={kind} path={LEGAL_PAGES[kind]} element={<LegalPage kind={kind} />} />
  ));
