import { useSubscription } from '@apollo/client/react';
import { DEVICE_RETRY_MS, isAccessRefused, takeDeviceToken, useCurrentDevice, usePageTitle } from '@bc/schema';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DisplayClock } from '../components/DisplayClock';
import { DisplayFrame } from '../components/DisplayFrame';
import { DisplaySetup } from '../components/DisplaySetup';
import { useSocket, useSocketState } from '../components/socket';
import { useServerClock } from '../components/use-server-clock';
import { graphql } from '../gql';

const CurrentDisplayQuery = graphql(`
  query CurrentDisplay {
    currentDevice {
      id
      kind
      office {
        id
        name
        timeZone
        notice
      }
    }
  }
`);

const DisplayServerTimeSubscription = graphql(`
  subscription DisplayServerTime {
    serverTime
  }
`);

/** The server sends its time every 15 s; a socket silent for this long is frozen and is replaced. */
const SILENT_SOCKET_MS = 40_000;

/**
 * The call display of the waiting room, at /display; set up once with `#device=<token>`. The clock follows the
 * server's time (offset kept on each serverTime value, ticking locally), so a screen with a wrong clock is right.
 */
export function DisplayPage() {
  const [token] = useState(() => takeDeviceToken());
  if (!token) return <DisplaySetup reason="missing" />;
  return <DeviceDisplay />;
}

type Office = { name: string; timeZone: string; notice?: string | null };

function DeviceDisplay() {
  // Keeps showing the last known office while the api cannot be reached.
  const { device, error, refused, recheck } = useCurrentDevice(CurrentDisplayQuery);
  if (refused) return <DisplaySetup reason="rejected" />;
  if (device && device.kind !== 'DISPLAY') return <DisplaySetup reason="notDisplay" />;
  if (!device) return <DisplayLoading failed={!!error} />;
  return <CallDisplay office={device.office} requestFailed={!!error} onRefused={recheck} />;
}

function DisplayLoading(props: { failed: boolean }) {
  const { t } = useTranslation();
  usePageTitle(t('display.pageTitle'));
  return (
    <DisplayFrame
      header={<h1 className="tr-display__office">{t('display.pageTitle')}</h1>}
      connectionLost={props.failed}
    >
      {!props.failed && <p className="tr-display__muted">{t('common.loading')}</p>}
    </DisplayFrame>
  );
}

function CallDisplay(props: { office: Office; requestFailed: boolean; onRefused: () => void }) {
  const { t } = useTranslation();
  const { office, onRefused } = props;
  usePageTitle(t('display.pageTitleOffice', { office: office.name }));
  const socket = useSocket();
  const socketState = useSocketState();
  const clock = useServerClock();

  const { error, restart } = useSubscription(DisplayServerTimeSubscription, {
    onData: ({ data }) => {
      if (data.data) clock.sync(data.data.serverTime);
    },
  });
  // graphql-ws retries dropped sockets itself; an error here ended the subscription, so start it again.
  useEffect(() => {
    if (!error) return;
    if (isAccessRefused(error)) onRefused();
    const timer = setTimeout(restart, DEVICE_RETRY_MS);
    return () => clearTimeout(timer);
  }, [error, restart, onRefused]);

  // A socket can die without closing (sleeping network, dropped NAT entry): when the time stops coming, replace it.
  const { lastSync } = clock;
  useEffect(() => {
    if (socketState !== 'connected') return;
    lastSync.current = performance.now();
    const timer = setInterval(() => {
      if (performance.now() - lastSync.current > SILENT_SOCKET_MS) socket.terminate();
    }, 5_000);
    return () => clearInterval(timer);
  }, [socketState, socket, lastSync]);

  const connectionLost = socketState === 'lost' || props.requestFailed || !!error;
  return (
    <DisplayFrame
      connectionLost={connectionLost}
      header={
        <>
          <h1 className="tr-display__office">{office.name}</h1>
          <DisplayClock now={clock.now} timeZone={office.timeZone} />
        </>
      }
    >
      {office.notice && (
        <section className="tr-display__notice" aria-labelledby="display-notice">
          <h2 id="display-notice" className="tr-display__notice-title">
            {t('display.notice')}
          </h2>
          <p>{office.notice}</p>
        </section>
      )}
      <section className="tr-display__calls" aria-labelledby="display-calls">
        <h2 id="display-calls" className="tr-display__calls-title">
          {t('display.calls.title')}
        </h2>
        <p className="tr-display__muted">{t('display.calls.empty')}</p>
      </section>
    </DisplayFrame>
  );
}
