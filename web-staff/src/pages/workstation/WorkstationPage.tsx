import { useQuery } from '@apollo/client/react';
import { QueryState, usePageTitle } from '@bc/schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OfficeLine, OfficeScope } from '../../components/OfficeScope';
import { StatusRegion, useNotice } from '../../components/StatusRegion';
import { useQueueLive } from '../../lib/live';
import { WORKSTATION_BASE } from '../../lib/paths';
import type { StaffOffice } from '../../session/offices';
import { CounterChoice } from './CounterChoice';
import { CounterDesk } from './CounterDesk';
import { QueueCountersQuery } from './workstation-documents';

/** Read again on every change of the office's queue. */
const LIVE_QUERIES = [QueueCountersQuery];

/** /arbeitsplatz/:office — a clerk's workstation: choose a counter, then run it. */
export function WorkstationPage() {
  return (
    <OfficeScope base={WORKSTATION_BASE}>{(office) => <Workstation key={office.id} office={office} />}</OfficeScope>
  );
}

function Workstation(props: { office: StaffOffice }) {
  const { t } = useTranslation();
  const { office } = props;
  usePageTitle(`${t('ws.title')} – ${office.name}`);
  const poll = useQueueLive(office.id, LIVE_QUERIES);
  const { data, previousData, error, loading, refetch } = useQuery(QueueCountersQuery, {
    variables: { officeId: office.id },
    pollInterval: poll,
    notifyOnNetworkStatusChange: false,
  });
  const { notice, show } = useNotice();
  const counters = (data ?? previousData)?.queueCounters;
  const mine = counters?.find((c) => c.session?.mine);
  // Focus follows the clerk's own changes (opened → the counter, closed → the choice), not the first load.
  const [moved, setMoved] = useState(false);
  const choiceHeading = useRef<HTMLHeadingElement>(null);

  const onOpened = useCallback(async () => {
    setMoved(true);
    await refetch();
  }, [refetch]);

  const onLeft = useCallback(
    (how: 'closed' | 'lost', by?: string) => {
      setMoved(true);
      show(
        how === 'closed'
          ? { tone: 'success', text: t('counter.closed') }
          : { tone: 'warning', text: by ? t('counter.lostTo', { name: by }) : t('counter.lost') },
      );
      void refetch();
    },
    [refetch, show, t],
  );

  const choosing = !!counters && !mine;
  useEffect(() => {
    if (choosing && moved) choiceHeading.current?.focus();
  }, [choosing, moved]);

  return (
    <div className="bc-stack bc-ws-page">
      {/* One line on a desk monitor: the counter, the visitor and the queue get the height. */}
      <div className="bc-ws-head">
        <h1 className="kern-heading-medium">{t('ws.title')}</h1>
        <OfficeLine base={WORKSTATION_BASE} office={office} />
        <StatusRegion notice={notice} className="bc-ws-head__status" />
      </div>
      {!counters ? (
        <QueryState loading={loading} error={error} onRetry={() => void refetch()} />
      ) : mine ? (
        <CounterDesk
          key={mine.id}
          office={office}
          counterId={mine.id}
          counters={counters}
          focusOnMount={moved}
          onLeft={onLeft}
        />
      ) : (
        <CounterChoice
          counters={counters}
          timeZone={office.timeZone}
          show={show}
          onOpened={onOpened}
          headingRef={choiceHeading}
        />
      )}
    </div>
  );
}
