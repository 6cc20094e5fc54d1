import { useTranslation } from 'react-i18next';

/**
 * Browsers start sound only after someone touched the page: until then a large button asks for it, once per start
 * of the screen. Any click or key press anywhere does the same.
 */
export function SoundSwitch(props: { unlocked: boolean; onUnlock: () => void }) {
  const { t } = useTranslation();
  if (props.unlocked) return null;
  return (
    <div className="tr-sound">
      <button type="button" className="kern-btn kern-btn--primary tr-sound__button" onClick={props.onUnlock}>
        <span className="kern-label">{t('display.sound.enable')}</span>
      </button>
      <p className="tr-sound__hint">{t('display.sound.hint')}</p>
    </div>
  );
}
