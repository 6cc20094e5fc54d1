import type { ErrorLike } from '@apollo/client';
import { useTranslation } from 'react-i18next';

/** Server messages are for developers; visitors get a calm sentence in their language. */
function isNetworkError(error: ErrorLike): boolean {
  return error.name === 'TypeError' || /fetch|network|socket/i.test(error.message);
}

/** Loading and error states, announced to screen readers. */
export function QueryState(props: { loading: boolean; error?: ErrorLike; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (props.error) {
    return (
      <div className="kern-alert kern-alert--danger" role="alert">
        <div className="kern-alert__header">
          <h2 className="kern-title">{t('common.errorTitle')}</h2>
        </div>
        <div className="kern-alert__body">
          <p className="kern-body">{t(isNetworkError(props.error) ? 'common.offline' : 'common.errorBody')}</p>
          {props.onRetry && (
            <button type="button" className="kern-btn kern-btn--secondary" onClick={props.onRetry}>
              <span className="kern-label">{t('common.retry')}</span>
            </button>
          )}
        </div>
      </div>
    );
  }
  if (props.loading) {
    return (
      <p className="kern-body" role="status">
        {t('common.loading')}
      </p>
    );
  }
  return null;
}
