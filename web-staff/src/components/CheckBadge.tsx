import { useTranslation } from 'react-i18next';
import type { DocumentCheckState } from '../gql/graphql';

const tone: Record<DocumentCheckState, string> = {
  TO_CHECK: 'kern-badge--info',
  ACCEPTED: 'kern-badge--success',
  REPLACE: 'kern-badge--warning',
};

/** The pre-check's result for one uploaded file ("Geprüft: in Ordnung"), with the message asked of the citizen. */
export function CheckBadge(props: { state: DocumentCheckState; message?: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`kern-badge kern-badge--small ${tone[props.state]}`} data-check={props.state}>
        <span className="kern-label">{t(`docs.state.${props.state}`)}</span>
      </span>
      {props.state === 'REPLACE' && props.message && (
        <span className="kern-body kern-body--small bc-check-message">
          {' '}
          {t('docs.asked')} <q>{props.message}</q>
        </span>
      )}
    </>
  );
}
