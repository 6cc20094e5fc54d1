import { useQuery } from '@apollo/client/react';
import { QueryState, usePageTitle } from '@bc/schema';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OfficeLine, OfficeScope } from '../../components/OfficeScope';
import type { IssuedTicketFieldsFragment } from '../../gql/graphql';
import { useQueueLive } from '../../lib/live';
import { DESK_BASE } from '../../lib/paths';
import { hasAnyRole, MANAGER_ROLES } from '../../lib/roles';
import { isTypingTarget } from '../../lib/typing';
import { useMe } from '../../session/me';
import { type StaffOffice, useOfficeServices } from '../../session/offices';
import { CheckInPanel, type ServiceChoice } from './CheckInPanel';
import { WalkInStatusQuery } from './desk-documents';
import { IssuedTicketCard } from './IssuedTicketCard';
import { TodayTickets } from './TodayTickets';
import { WalkInForm } from './WalkInForm';
import { WalkInStatusPanel } from './WalkInStatusPanel';

/** Read again on every change of the office's queue. */
const LIVE_QUERIES = [WalkInStatusQuery];

/** The scan field's id: the desk's home for the focus. */
const SCAN_FIELD = 'checkin-code';

/**
 * The desk's scan field takes the focus on load and after each action (a ticket issued, a check-in, a priority, a
 * cancellation), with its content selected so the next scan replaces it. A hardware scanner types like a keyboard
 * and ends with Enter: when the focus is elsewhere but not in a field (a button, the page), the first typed character
 * brings the focus back to the scan field and lands there, so a scan is never lost and needs no click.
 */
function useScanField(): () => void {
  const [request, setRequest] = useState(1);
  useEffect(() => {
    if (request === 0) return;
    // After the page's own focus moves of this commit (a closing dialog, a new page's heading).
    const timer = setTimeout(() => {
      const field = document.getElementById(SCAN_FIELD);
      if (!(field instanceof HTMLInputElement)) return;
      field.focus();
      field.select();
    }, 0);
    return () => clearTimeout(timer);
  }, [request]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || e.key.length !== 1 || e.key === ' ') return;
      if (isTypingTarget(e.target) || document.querySelector('dialog[open]')) return;
      const field = document.getElementById(SCAN_FIELD);
      if (!(field instanceof HTMLInputElement)) return;
      field.focus();
      field.select(); // the key's character then replaces what an earlier scan left
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return useCallback(() => setRequest((n) => n + 1), []);
}

/** /information/:office — the information desk of one office. */
export function DeskPage() {
  return <OfficeScope base={DESK_BASE}>{(office) => <Desk key={office.id} office={office} />}</OfficeScope>;
}

function Desk(props: { office: StaffOffice }) {
  const { t } = useTranslation();
  const { office } = props;
  usePageTitle(`${t('desk.title')} – ${office.name}`);
  const roles = useMe().data?.me?.roles ?? [];
  const { services } = useOfficeServices(office.id);
  const poll = useQueueLive(office.id, LIVE_QUERIES);
  const status = useQuery(WalkInStatusQuery, {
    variables: { officeId: office.id },
    pollInterval: poll,
    notifyOnNetworkStatusChange: false,
  });
  const walkInStatus = (status.data ?? status.previousData)?.walkInStatus;
  const [issued, setIssued] = useState<{ ticket: IssuedTicketFieldsFragment; kind: 'walkIn' | 'checkIn' } | null>(null);
  const [prefill, setPrefill] = useState<{ services: ServiceChoice[]; key: number } | null>(null);
  const focusScan = useScanField();

  return (
    <div className="bc-stack-lg bc-desk">
      <div className="bc-stack-sm bc-no-print">
        <h1 className="kern-heading-large">{t('desk.title')}</h1>
        <OfficeLine base={DESK_BASE} office={office} />
      </div>
      {/* The scan field stays near the top; the ticket just issued appears right beneath it, both in view. */}
      <div className="bc-desk__forms">
        <div className="bc-stack-lg">
          <div className="bc-no-print">
            <CheckInPanel
              officeId={office.id}
              timeZone={office.timeZone}
              onIssued={(ticket) => {
                setIssued({ ticket, kind: 'checkIn' });
                focusScan();
              }}
              onRefused={focusScan}
              onOfferWalkIn={(s) => setPrefill({ services: s, key: Date.now() })}
            />
          </div>
          {issued && (
            <IssuedTicketCard
              issued={issued.ticket}
              kind={issued.kind}
              officeName={office.name}
              timeZone={office.timeZone}
              onDismiss={() => {
                setIssued(null);
                focusScan();
              }}
            />
          )}
        </div>
        <div className="bc-no-print">
          {walkInStatus ? (
            <WalkInForm
              officeId={office.id}
              timeZone={office.timeZone}
              statuses={walkInStatus.services}
              services={services}
              prefill={prefill}
              onIssued={(ticket) => {
                setIssued({ ticket, kind: 'walkIn' });
                focusScan();
              }}
            />
          ) : (
            <QueryState loading={status.loading} error={status.error} onRetry={() => void status.refetch()} />
          )}
        </div>
      </div>
      <div className="bc-no-print">
        <TodayTickets officeId={office.id} timeZone={office.timeZone} onDone={focusScan} />
      </div>
      {walkInStatus && (
        <div className="bc-no-print">
          <WalkInStatusPanel
            officeId={office.id}
            timeZone={office.timeZone}
            status={walkInStatus}
            canOverride={hasAnyRole(roles, MANAGER_ROLES)}
          />
        </div>
      )}
    </div>
  );
}
