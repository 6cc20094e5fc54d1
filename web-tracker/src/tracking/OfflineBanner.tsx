import { formatTime, useText } from '@bc/schema';

/**
 * Says plainly when the page cannot receive updates, and how old what it shows is. The region is always there
 * (empty while connected), so that screen readers announce it when it fills.
 */
export function OfflineBanner(props: { offline: boolean; updatedAt?: number; timeZone: string }) {
  const { t, i18n } = useText();
  return (
    <div role="status" className="tr-offline-region">
      {props.offline && (
        <div className="kern-alert kern-alert--warning tr-offline" data-testid="offline-banner">
          <div className="kern-alert__header">
            <p className="kern-title">{t('tracking.offline.title')}</p>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">
              {props.updatedAt === undefined
                ? t('tracking.offline.never')
                : t('tracking.offline.lastUpdate', {
                    time: formatTime(new Date(props.updatedAt), props.timeZone, i18n.language),
                  })}
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
