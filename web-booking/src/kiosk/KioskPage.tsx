import './kiosk.css';
import { takeDeviceToken, useCurrentDevice } from '@bc/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { Kiosk } from './Kiosk';
import { KioskSetup } from './KioskSetup';
import { useKioskTitle } from './use-kiosk-title';

const KioskDeviceQuery = graphql(`
  query KioskDevice {
    currentDevice {
      id
      kind
      name
      office {
        id
        name
        timeZone
        notice
        languages
      }
    }
  }
`);

/**
 * The self-service terminal of the waiting area, at /booking/kiosk; set up once with `#device=<token>` (main.tsx
 * moves the token to localStorage and sends it only from this route).
 */
export function KioskPage() {
  const [token] = useState(() => takeDeviceToken());
  if (!token) return <KioskSetup reason="missing" />;
  return <KioskDevice />;
}

function KioskDevice() {
  // Keeps serving with the last known office while the api cannot be reached for a moment.
  const { device, error, refused } = useCurrentDevice(KioskDeviceQuery);
  if (refused) return <KioskSetup reason="rejected" />;
  if (device && device.kind !== 'KIOSK') return <KioskSetup reason="notKiosk" />;
  if (!device) return <KioskLoading failed={!!error} />;
  return <Kiosk office={device.office} />;
}

function KioskLoading(props: { failed: boolean }) {
  const { t } = useTranslation();
  useKioskTitle(t('kiosk.start.pageTitle'));
  return (
    <div className="kiosk kiosk--loading" data-kern-theme="light">
      <main id="main" tabIndex={-1} className="kiosk__main">
        <h1 className="kiosk-title">{t('kiosk.title')}</h1>
        <p role="status">{props.failed ? t('common.offline') : t('common.loading')}</p>
      </main>
    </div>
  );
}
