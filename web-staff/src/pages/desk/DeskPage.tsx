import { useQuery } from '@apollo/client/react';
import { QueryState, usePageTitle } from '@bc/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OfficeLine, OfficeScope } from '../../components/OfficeScope';
import type { IssuedTicketFieldsFragment } from '../../gql/graphql';
import { useQueueLive } from '../../lib/live';
import { DESK_BASE } from '../../lib/paths';
import { hasAnyRole, MANAGER_ROLES } from '../../lib/roles';
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

  return (
    <div className="bc-stack-lg bc-desk">
      <div className="bc-stack-sm bc-no-print">
        <h1 className="kern-heading-large">{t('desk.title')}</h1>
        <OfficeLine base={DESK_BASE} office={office} />
      </div>
      {issued && (
        <IssuedTicketCard
          issued={issued.ticket}
          kind={issued.kind}
          officeName={office.name}
          timeZone={office.timeZone}
          onDismiss={() => {
            setIssued(null);
            document.getElementById('checkin-code')?.focus();
          }}
        />
      )}
      <div className="bc-desk__forms bc-no-print">
        <CheckInPanel
          officeId={office.id}
          timeZone={office.timeZone}
          onIssued={(ticket) => setIssued({ ticket, kind: 'checkIn' })}
          onOfferWalkIn={(s) => setPrefill({ services: s, key: Date.now() })}
        />
        {walkInStatus ? (
          <WalkInForm
            officeId={office.id}
            timeZone={office.timeZone}
            statuses={walkInStatus.services}
            services={services}
            prefill={prefill}
            onIssued={(ticket) => setIssued({ ticket, kind: 'walkIn' })}
          />
        ) : (
          <QueryState loading={status.loading} error={status.error} onRetry={() => void status.refetch()} />
        )}
      </div>
      <div className="bc-no-print">
        <TodayTickets officeId={office.id} timeZone={office.timeZone} />
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
