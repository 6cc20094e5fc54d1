import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../lib/datetime';
import type { Device } from './DevicesPage';

export type ShownCode = { code: string; expiresAt: string; device: Device };

/** Where a device of this kind is opened to enter its code (same host as the staff app, as the api serves all). */
function setupAddress(kind: string): string | null {
  if (kind === 'KIOSK') return `${window.location.origin}/booking/kiosk`;
  if (kind === 'DISPLAY') return `${window.location.origin}/track/display`;
  return null;
}

/**
 * The one-time pairing code, large, with its expiry and where to enter it. Shown once: the api keeps only its hash.
 * It takes the focus when it appears, so that screen readers read it and keyboard users continue from here.
 */
export function PairingCodePanel(props: { shown: ShownCode; timeZone: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { code, expiresAt, device } = props.shown;
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new code takes the focus again
  useEffect(() => heading.current?.focus(), [code]);
  const address = setupAddress(device.kind);
  return (
    <section className="kern-alert kern-alert--info bc-devices__code" aria-labelledby="pairing-code-heading">
      <div className="kern-alert__body bc-stack-sm">
        <h2 id="pairing-code-heading" className="kern-heading-medium" ref={heading} tabIndex={-1}>
          {t('adminDevices.codeTitle', { name: device.name })}
        </h2>
        <p className="bc-devices__code-value" translate="no" data-testid="pairing-code">
          {code}
        </p>
        <p className="kern-body">
          {t('adminDevices.codeExpires', { time: formatTime(expiresAt, props.timeZone, i18n.language) })}
        </p>
        <p className="kern-body">
          {address ? t('adminDevices.codeWhere', { address }) : t('adminDevices.codeWhereOther')}
        </p>
        <p className="kern-body">{t('adminDevices.codeOnce')}</p>
        <p>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={props.onDone}>
            <span className="kern-label">{t('adminDevices.codeDone')}</span>
          </button>
        </p>
      </div>
    </section>
  );
}
