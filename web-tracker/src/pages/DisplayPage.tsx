import { useSubscription } from '@apollo/client/react';
import { DEVICE_RETRY_MS, isAccessRefused, takeDeviceToken, useCurrentDevice, usePageTitle } from '@bc/schema';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallBoardView } from '../components/CallBoardView';
import { DisplayClock } from '../components/DisplayClock';
import { DisplayFrame } from '../components/DisplayFrame';
import { DisplaySetup } from '../components/DisplaySetup';
import { SoundSwitch } from '../components/SoundSwitch';
import { graphql } from '../gql';
import { useCallAnnouncements } from '../live/use-call-announcements';
import { useLiveConnection } from '../live/use-live-connection';

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

const CallBoardSubscription = graphql(`
  subscription DisplayCallBoard($officeId: ID!) {
    callBoard(officeId: $officeId) {
      officeId
      officeName
      notice
      at
      calls {
        key
        number
        counterLabel
        calledAt
        callCount
        active
      }
      services {
        serviceId
        name
        waiting
        expectedWaitMinutes
        texts {
          language
          name
          description
        }
      }
    }
  }
`);

/**
 * The call display of the waiting room, at /display; set up once with `#device=<token>`. The clock follows the
 * server's time (offset kept on each serverTime value, ticking locally), so a screen with a wrong clock is right.
 */
export function DisplayPage() {
  const [token] = useState(() => takeDeviceToken());
  if (!token) return <DisplaySetup reason="missing" />;
  return <DeviceDisplay />;
}

type Office = { id: string; name: string; timeZone: string; notice?: string | null };

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
  const live = useLiveConnection({ onRefused });

  // The board keeps its last picture while the socket reconnects; the next picture replaces it whole.
  const board = useSubscription(CallBoardSubscription, { variables: { officeId: office.id } });
  const { error: boardError, restart: restartBoard } = board;
  useEffect(() => {
    if (!boardError) return;
    if (isAccessRefused(boardError)) onRefused();
    const timer = setTimeout(restartBoard, DEVICE_RETRY_MS);
    return () => clearTimeout(timer);
  }, [boardError, restartBoard, onRefused]);
  const picture = board.data?.callBoard;
  const sound = useCallAnnouncements(picture?.calls);

  const officeName = picture?.officeName ?? office.name;
  const notice = picture ? picture.notice : office.notice;
  usePageTitle(t('display.pageTitleOffice', { office: officeName }));

  const connectionLost = live.lost || props.requestFailed || !!boardError;
  return (
    <DisplayFrame
      connectionLost={connectionLost}
      header={
        <>
          <h1 className="tr-display__office">{officeName}</h1>
          <DisplayClock now={live.clock.now} timeZone={office.timeZone} />
        </>
      }
      banner={<SoundSwitch unlocked={sound.unlocked} onUnlock={sound.unlock} />}
    >
      {notice && (
        <section className="tr-display__notice" aria-labelledby="display-notice">
          <h2 id="display-notice" className="tr-display__notice-title">
            {t('display.notice')}
          </h2>
          <p lang="de">{notice}</p>
        </section>
      )}
      <CallBoardView calls={picture?.calls} services={picture?.services} />
    </DisplayFrame>
  );
}
