import { useQuery } from '@apollo/client/react';
import { QueryState } from '@bc/schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { KioskIssuedTicketFragment, WalkInRefusal } from '../gql/graphql';
import { type KioskOffice, useKioskServiceText } from './kiosk-office';
import { NextAppointments } from './NextAppointments';
import { type DrawRefusal, useDrawTicket } from './use-draw-ticket';
import { useKioskTitle } from './use-kiosk-title';

const KioskWalkInQuery = graphql(`
  query KioskWalkIn($officeId: ID!) {
    walkInStatus(officeId: $officeId) {
      officeOpen
      closesAt
      services {
        serviceId
        name
        open
        reason
      }
    }
    office(id: $officeId) {
      id
      services {
        id
        name
        durationMinutes
        walkInAllowed
        bookableOnline
        maxPerBooking
        texts {
          language
          name
          description
        }
      }
    }
  }
`);

/** The closing guard moves with the queue: read it again this often while the screen is open. */
const STATUS_REFRESH_MS = 30_000;

type WalkInService = {
  id: string;
  /** In the visitor's language; `lang` "de" when that is the German fallback. */
  name: string;
  lang: 'de' | undefined;
  durationMinutes: number;
  bookableOnline: boolean;
  maxPerBooking: number;
  open: boolean;
  reason: WalkInRefusal | null;
};

/**
 * Walk-in ticket: the services open to walk-ins right now, chosen with a tap (and how many persons), then one big
 * "draw" button. Services the closing guard (or the manager) closed for today stay in the list, not tappable, with
 * the reason and the next free appointments.
 */
export function WalkInScreen(props: { office: KioskOffice; onIssued: (issued: KioskIssuedTicketFragment) => void }) {
  const { t } = useTranslation();
  useKioskTitle(t('kiosk.walkIn.pageTitle'));
  const { office } = props;
  const textOf = useKioskServiceText();
  const { data, loading, error, refetch } = useQuery(KioskWalkInQuery, {
    variables: { officeId: office.id },
    fetchPolicy: 'network-only',
    pollInterval: STATUS_REFRESH_MS,
    notifyOnNetworkStatusChange: false,
  });
  const [chosen, setChosen] = useState<ReadonlyMap<string, number>>(new Map());
  const [hint, setHint] = useState(false);
  // A refusal means the guard changed its mind since the list was read: read it again, and drop what closed.
  const onClosed = useCallback(
    (serviceIds: readonly string[]) => {
      void refetch().catch(() => undefined);
      setChosen((c) => new Map([...c].filter(([id]) => !serviceIds.includes(id))));
    },
    [refetch],
  );
  const { draw, drawing, refusal } = useDrawTicket(props.onIssued, onClosed);
  const result = useRef<HTMLDivElement>(null);

  // The answer is read out (live region) and brought into view below the list.
  useEffect(() => {
    if (refusal || hint) result.current?.scrollIntoView({ block: 'nearest' });
  }, [refusal, hint]);

  const statusById = new Map((data?.walkInStatus.services ?? []).map((s) => [s.serviceId, s]));
  const services: WalkInService[] = (data?.office?.services ?? []).flatMap((s) => {
    const status = statusById.get(s.id);
    const text = textOf(s);
    return s.walkInAllowed && status
      ? [{ ...s, name: text.name, lang: text.lang, open: status.open, reason: status.reason ?? null }]
      : [];
  });
  const openCount = services.filter((s) => s.open).length;

  const toggle = (id: string) => {
    setHint(false);
    setChosen((c) => {
      const next = new Map(c);
      if (next.has(id)) next.delete(id);
      else next.set(id, 1);
      return next;
    });
  };
  const setCount = (id: string, count: number) => setChosen((c) => new Map(c).set(id, count));
  const onDraw = () => {
    if (drawing) return;
    const choice = [...chosen].map(([serviceId, count]) => ({ serviceId, count }));
    if (choice.length === 0) {
      setHint(true);
      return;
    }
    void draw(choice);
  };

  return (
    <div className="kiosk-screen kiosk-walkin">
      <h1 tabIndex={-1} className="kiosk-title">
        {t('kiosk.walkIn.title')}
      </h1>
      {!data ? (
        <QueryState loading={loading} error={error} onRetry={() => void refetch().catch(() => undefined)} />
      ) : !data.walkInStatus.officeOpen ? (
        <div className="kiosk-message kiosk-message--warning" role="status">
          <h2 className="kiosk-message__title">{t('kiosk.walkIn.officeClosedTitle', { office: office.name })}</h2>
          <p>{t('kiosk.walkIn.officeClosedText')}</p>
        </div>
      ) : (
        <>
          <p className="kiosk-lead">{t(openCount > 0 ? 'kiosk.walkIn.lead' : 'kiosk.walkIn.noneOpen')}</p>
          <ul className="kiosk-services">
            {services.map((s) =>
              s.open ? (
                <OpenService
                  key={s.id}
                  service={s}
                  count={chosen.get(s.id)}
                  onToggle={() => toggle(s.id)}
                  onCount={(n) => setCount(s.id, n)}
                />
              ) : (
                <ClosedService key={s.id} service={s} office={office} />
              ),
            )}
          </ul>
          {openCount > 0 && (
            <p className="kiosk-actions">
              <button
                type="button"
                className="kern-btn kern-btn--primary kiosk-action"
                aria-disabled={drawing || undefined}
                onClick={onDraw}
              >
                <span className="kern-label">{t(drawing ? 'kiosk.walkIn.drawing' : 'kiosk.walkIn.draw')}</span>
              </button>
            </p>
          )}
        </>
      )}
      <div ref={result} className="kiosk-result" role="status">
        {hint && <p className="kiosk-message kiosk-message--info">{t('kiosk.walkIn.chooseFirst')}</p>}
        {refusal && <Refusal refusal={refusal} services={services} office={office} />}
      </div>
    </div>
  );
}

function OpenService(props: {
  service: WalkInService;
  count: number | undefined;
  onToggle: () => void;
  onCount: (count: number) => void;
}) {
  const { t } = useTranslation();
  const { service, count } = props;
  const selected = count !== undefined;
  return (
    <li className={`kiosk-service${selected ? ' kiosk-service--selected' : ''}`}>
      <button type="button" className="kiosk-service__toggle" aria-pressed={selected} onClick={props.onToggle}>
        <span className="kiosk-service__box" aria-hidden="true">
          {selected && <span className="kern-icon kern-icon--check" />}
        </span>
        <span className="kiosk-service__name" lang={service.lang}>
          {service.name}
        </span>{' '}
        <span className="kiosk-service__meta">{t('kiosk.walkIn.duration', { count: service.durationMinutes })}</span>
      </button>
      {selected && service.maxPerBooking > 1 && (
        <Stepper
          label={t('kiosk.walkIn.countLabel', { service: service.name })}
          value={count}
          max={service.maxPerBooking}
          onChange={props.onCount}
        />
      )}
    </li>
  );
}

/** − 2 Personen +: buttons that keep their focus at the limits (aria-disabled) instead of losing it. */
function Stepper(props: { label: string; value: number; max: number; onChange: (value: number) => void }) {
  const { t } = useTranslation();
  const { value, max } = props;
  return (
    <fieldset className="kiosk-count">
      <legend className="kern-sr-only">{props.label}</legend>
      <button
        type="button"
        className="kern-btn kern-btn--secondary kiosk-count__button"
        aria-disabled={value <= 1 || undefined}
        onClick={() => value > 1 && props.onChange(value - 1)}
      >
        <span className="kern-label" aria-hidden="true">
          −
        </span>
        <span className="kern-sr-only">{t('kiosk.walkIn.fewer')}</span>
      </button>
      <output className="kiosk-count__value" aria-live="polite">
        {t('kiosk.walkIn.persons', { count: value })}
      </output>
      <button
        type="button"
        className="kern-btn kern-btn--secondary kiosk-count__button"
        aria-disabled={value >= max || undefined}
        onClick={() => value < max && props.onChange(value + 1)}
      >
        <span className="kern-label" aria-hidden="true">
          +
        </span>
        <span className="kern-sr-only">{t('kiosk.walkIn.more')}</span>
      </button>
    </fieldset>
  );
}

function ClosedService(props: { service: WalkInService; office: KioskOffice }) {
  const { t } = useTranslation();
  const { service, office } = props;
  return (
    <li className="kiosk-service kiosk-service--closed">
      <p className="kiosk-service__name" lang={service.lang}>
        {service.name}
      </p>
      <p className="kiosk-service__reason">
        <span className="kiosk-badge">{t('kiosk.walkIn.closedBadge')}</span>{' '}
        {t(reasonKey(service.reason, service.bookableOnline), { service: service.name })}
      </p>
      {service.bookableOnline && service.reason !== 'NO_COUNTER' && (
        <NextAppointments timeZone={office.timeZone} lookup={{ officeId: office.id, serviceId: service.id }} />
      )}
    </li>
  );
}

function reasonKey(reason: WalkInRefusal | null, bookable = true): string {
  switch (reason) {
    case 'NO_COUNTER':
      return 'kiosk.walkIn.reason.noCounter';
    case 'OFFICE_CLOSED':
      return 'kiosk.walkIn.reason.officeClosed';
    default:
      // CLOSING_SOON and MANUALLY_CLOSED read the same to a visitor: none today, book an appointment (if one can).
      return bookable ? 'kiosk.walkIn.reason.closed' : 'kiosk.walkIn.reason.closedNoBooking';
  }
}

/** Why the ticket was not drawn, with the next appointments the api offered. */
export function Refusal(props: {
  refusal: DrawRefusal;
  services: readonly { id: string; name: string }[];
  office: KioskOffice;
}) {
  const { t, i18n } = useTranslation();
  const { refusal, office } = props;
  if (refusal.kind === 'failed') {
    return (
      <div className="kiosk-message kiosk-message--danger">
        <h2 className="kiosk-message__title">{t('kiosk.failed.title')}</h2>
        <p>{t('kiosk.failed.text')}</p>
      </div>
    );
  }
  const names = props.services.filter((s) => refusal.serviceIds.includes(s.id)).map((s) => s.name);
  const service = new Intl.ListFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', { type: 'conjunction' }).format(
    names,
  );
  return (
    <div className="kiosk-message kiosk-message--warning">
      <h2 className="kiosk-message__title">{t('kiosk.walkIn.refusedTitle')}</h2>
      <p>
        {refusal.reason === 'OFFICE_CLOSED'
          ? t('kiosk.walkIn.officeClosedTitle', { office: office.name })
          : t(reasonKey(refusal.reason), { service: service || t('kiosk.walkIn.thisService') })}
      </p>
      <NextAppointments timeZone={office.timeZone} starts={refusal.nextAppointments} />
    </div>
  );
}
