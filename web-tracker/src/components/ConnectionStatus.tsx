import { useTranslation } from 'react-i18next';

/** A small live region that says so while the connection is being restored; empty otherwise. */
export function ConnectionStatus(props: { lost: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="tr-display__status" role="status">
      {props.lost ? t('display.reconnecting') : ''}
    </p>
  );
}
