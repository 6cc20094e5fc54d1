import { useTranslation } from 'react-i18next';
import { ACTIONS } from './actions';

/** The workstation's single-key shortcuts, on the page (and on the buttons as aria-keyshortcuts). */
export function ShortcutHelp() {
  const { t } = useTranslation();
  return (
    <section className="bc-stack-sm" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading" className="kern-heading-small">
        {t('shortcuts.title')}
      </h2>
      <p className="kern-body">{t('shortcuts.intro')}</p>
      <dl className="bc-shortcuts">
        {ACTIONS.filter((a) => a.key).map(({ action, key }) => (
          <div key={action} className="bc-shortcuts__item">
            <dt>
              <kbd className="bc-kbd">{key}</kbd>
            </dt>
            <dd className="kern-body">{t(`ws.action.${action}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
