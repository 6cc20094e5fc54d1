import { type CatalogItem, useCatalogText } from '@bc/schema';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageRotation, useRowPages } from './use-row-pages';

type Call = { key: string; number: string; counterLabel: string; active: boolean };
type ServiceWait = CatalogItem & { serviceId: string; waiting: number; expectedWaitMinutes?: number | null };

/**
 * The calls (newest active one large across the top, the others listed) and the waiting per service, read from
 * across the room. Everything fits one screen: the earlier calls show as many as fit (newest first), the services
 * page through every ten seconds when they do not fit at once. Service names are in the screen's language where the
 * office wrote them, else German marked as such.
 */
export function CallBoardView(props: { calls?: readonly Call[]; services?: readonly ServiceWait[] }) {
  const { t } = useTranslation();
  const calls = props.calls ?? [];
  const current = calls.find((c) => c.active);
  const others = calls.filter((c) => c !== current);
  return (
    <div className={others.length > 0 ? 'tr-board' : 'tr-board tr-board--no-earlier'}>
      <section className="tr-board__current" aria-labelledby="display-calls">
        <h2 id="display-calls" className="tr-display__calls-title">
          {t('display.calls.title')}
        </h2>
        {calls.length === 0 && <p className="tr-display__muted">{t('display.calls.empty')}</p>}
        {current && (
          <p key={current.key} className="tr-call tr-call--current" data-testid="current-call">
            <span className="tr-call__number">{current.number}</span>
            <span className="tr-call__arrow" aria-hidden="true">
              →
            </span>
            <span className="tr-call__counter">{t('display.calls.counter', { counter: current.counterLabel })}</span>
          </p>
        )}
      </section>
      {others.length > 0 && <EarlierCalls calls={others} />}
      {props.services && props.services.length > 0 && <ServiceWaits services={props.services} />}
    </div>
  );
}

function EarlierCalls(props: { calls: readonly Call[] }) {
  const { t } = useTranslation();
  const { boxRef, measureRef, pages } = useRowPages(props.calls.map((c) => c.key).join());
  // Only the newest that fit; older calls drop off the end.
  const shown = props.calls.slice(0, pages[0] ?? props.calls.length);
  const table = (rows: readonly Call[], measuring: boolean) => (
    <table
      className="tr-calls"
      ref={measuring ? measureRef : undefined}
      aria-hidden={measuring || undefined}
      aria-labelledby={measuring ? undefined : 'display-earlier'}
    >
      <thead>
        <tr>
          <th scope="col">{t('display.calls.number')}</th>
          <th scope="col">{t('display.calls.counterColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.key} className={c.active ? 'tr-calls__row tr-calls__row--active' : 'tr-calls__row'}>
            <th scope="row">{c.number}</th>
            <td>{c.counterLabel}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="tr-board__earlier" aria-labelledby="display-earlier">
      <h2 id="display-earlier" className="tr-display__list-title">
        {t('display.calls.earlier')}
      </h2>
      <FitBox boxRef={boxRef} measuring={table(props.calls, true)}>
        {table(shown, false)}
      </FitBox>
    </section>
  );
}

function ServiceWaits(props: { services: readonly ServiceWait[] }) {
  const { t, i18n } = useTranslation();
  // A shared screen: German or English, never Leichte Sprache.
  const textOf = useCatalogText({ easyLanguage: false });
  const { services } = props;
  const { boxRef, measureRef, pages } = useRowPages(
    `${i18n.language}|${services.map((s) => `${s.serviceId}:${textOf(s).name}:${s.waiting}:${s.expectedWaitMinutes}`).join()}`,
  );
  const page = usePageRotation(pages.length);
  const start = pages.slice(0, page).reduce((sum, n) => sum + n, 0);
  const shown = pages.length > 0 ? services.slice(start, start + (pages[page] ?? 0)) : services;
  const table = (rows: readonly ServiceWait[], measuring: boolean) => (
    <table
      className="tr-waits"
      ref={measuring ? measureRef : undefined}
      aria-hidden={measuring || undefined}
      aria-labelledby={measuring ? undefined : 'display-waits'}
    >
      <colgroup>
        <col />
        <col className="tr-waits__count" />
        <col className="tr-waits__wait" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('display.waits.service')}</th>
          <th scope="col">{t('display.waits.waiting')}</th>
          <th scope="col">{t('display.waits.wait')}</th>
        </tr>
      </thead>
      <tbody key={measuring ? undefined : page} className={measuring ? undefined : 'tr-waits__page'}>
        {rows.map((s) => {
          const text = textOf(s);
          return (
            <tr key={s.serviceId}>
              <th scope="row" lang={text.lang}>
                <span className="tr-waits__name">{text.name}</span>
              </th>
              <td>{s.waiting}</td>
              <td className="tr-waits__time">
                {s.expectedWaitMinutes == null
                  ? t('display.waits.unknown')
                  : t('display.waits.minutes', { count: s.expectedWaitMinutes })}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  return (
    <section className="tr-board__waits" aria-labelledby="display-waits">
      <div className="tr-board__waits-head">
        <h2 id="display-waits" className="tr-display__calls-title">
          {t('display.waits.title')}
        </h2>
        {pages.length > 1 && (
          <p className="tr-board__page" data-testid="waits-page">
            {t('display.waits.page', { page: page + 1, pages: pages.length })}
          </p>
        )}
      </div>
      <FitBox boxRef={boxRef} measuring={table(services, true)}>
        {table(shown, false)}
      </FitBox>
    </section>
  );
}

/** The box a list must fit into, with the hidden full copy of the list that is measured to page it. */
function FitBox(props: { boxRef: RefObject<HTMLDivElement | null>; measuring: ReactNode; children: ReactNode }) {
  return (
    <div className="tr-fit" ref={props.boxRef}>
      <div className="tr-fit__measure">{props.measuring}</div>
      {props.children}
    </div>
  );
}
