import { LanguageSwitch } from '@bc/schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskIssuedTicketFragment } from '../gql/graphql';
import { CheckInScreen } from './CheckInScreen';
import { KioskClock } from './KioskClock';
import type { KioskOffice } from './kiosk-office';
import { StartScreen } from './StartScreen';
import { TicketScreen } from './TicketScreen';
import { useIdleTimer } from './use-idle-timer';
import { WalkInScreen } from './WalkInScreen';

export type Screen =
  | { kind: 'start' }
  | { kind: 'walkIn' }
  | { kind: 'checkIn' }
  | { kind: 'ticket'; issued: KioskIssuedTicketFragment; via: 'walkIn' | 'checkIn' };

/** Without a touch for this long, an open screen goes back to the start (the next visitor should not see it). */
const IDLE_MS = 60_000;
/** A ticket stays this long after the last touch: time to take a photo of the QR code or to print. */
const TICKET_MS = 30_000;
/** The last seconds before going back are announced, with a button for more time. */
const WARN_MS = 10_000;

/**
 * The kiosk's screens: start, walk-in ticket, check-in, ticket. One address (/booking/kiosk): a visitor at a
 * terminal has no Back button, and a ticket's tracking token must never stand in an address. Every screen change
 * moves the focus to the new screen's heading; idle screens go back to the start in German.
 */
export function Kiosk(props: { office: KioskOffice }) {
  const { office } = props;
  const { t, i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ kind: 'start' });
  // Every visit of a screen is a new one (a fresh request id for "draw", an empty code field).
  const [visit, setVisit] = useState(0);
  const go = useCallback((next: Screen) => {
    setScreen(next);
    setVisit((n) => n + 1);
  }, []);
  // The languages the office offers at its kiosk (office administration); German always.
  const offersEnglish = office.languages?.includes('en') ?? true;
  const resetLanguage = useCallback(() => {
    if (i18n.language !== 'de') void i18n.changeLanguage('de');
  }, [i18n]);
  const toStart = useCallback(() => {
    go({ kind: 'start' });
    resetLanguage();
  }, [go, resetLanguage]);

  const onStart = screen.kind === 'start';
  const { secondsLeft } = useIdleTimer({
    timeoutMs: screen.kind === 'ticket' ? TICKET_MS : IDLE_MS,
    warnMs: onStart ? 0 : WARN_MS,
    restartKey: visit,
    // On the start screen only the language goes back to German.
    onTimeout: onStart ? resetLanguage : toStart,
  });

  // The new screen's heading takes the focus, so screen readers announce it; not on the first screen of the day.
  const mainRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (visit === 0) return;
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus({ preventScroll: true });
    window.scrollTo({ top: 0, behavior: 'instant' });
  }, [visit]);

  return (
    <div className={`kiosk kiosk--${screen.kind}`} data-kern-theme="light">
      <header className="kiosk__header">
        <p className="kiosk__office">{office.name}</p>
        <KioskClock timeZone={office.timeZone} />
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="kiosk__main">
        {screen.kind === 'start' && (
          <StartScreen
            key={visit}
            office={office}
            onCheckIn={() => go({ kind: 'checkIn' })}
            onWalkIn={() => go({ kind: 'walkIn' })}
          />
        )}
        {screen.kind === 'walkIn' && (
          <WalkInScreen
            key={visit}
            office={office}
            onIssued={(issued) => go({ kind: 'ticket', issued, via: 'walkIn' })}
          />
        )}
        {screen.kind === 'checkIn' && (
          <CheckInScreen key={visit} office={office} onIssued={(issued, via) => go({ kind: 'ticket', issued, via })} />
        )}
        {screen.kind === 'ticket' && (
          <TicketScreen key={visit} office={office} issued={screen.issued} via={screen.via} onDone={toStart} />
        )}
      </main>
      <footer className="kiosk__footer">
        {!onStart && (
          <button type="button" className="kern-btn kern-btn--secondary kiosk-home" onClick={toStart}>
            <span className="kern-icon kern-icon--home" aria-hidden="true" />
            <span className="kern-label">{t('kiosk.toStart')}</span>
          </button>
        )}
        <IdleWarning secondsLeft={secondsLeft} />
        {offersEnglish && <LanguageSwitch />}
      </footer>
    </div>
  );
}

/**
 * "Going back to the start in 8 s": the count is shown, but read out once (a changing number in a live region would
 * talk every second). Any touch gives more time; the button says so.
 */
function IdleWarning(props: { secondsLeft: number | null }) {
  const { t } = useTranslation();
  const shown = props.secondsLeft !== null;
  return (
    <div className="kiosk-idle" role="status">
      {shown && (
        <>
          <p className="kiosk-idle__text">
            <span className="kern-sr-only">{t('kiosk.idle.announce')}</span>
            <span aria-hidden="true">{t('kiosk.idle.countdown', { count: props.secondsLeft ?? 0 })}</span>
          </p>
          {/* Any touch or key counts as activity (useIdleTimer listens on the window); the button gives it a name. */}
          <button type="button" className="kern-btn kern-btn--primary">
            <span className="kern-label">{t('kiosk.idle.more')}</span>
          </button>
        </>
      )}
    </div>
  );
}
