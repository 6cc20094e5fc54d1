import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Browsers start sound only after someone touched the page: until then a large button asks for it, once per start
 * of the screen. Any click or key press anywhere does the same. When the button goes while it has the focus, the
 * focus moves to the main area without scrolling, so the keyboard keeps its place and nothing on the screen moves.
 */
export function SoundSwitch(props: { unlocked: boolean; onUnlock: () => void }) {
  const { t } = useTranslation();
  if (props.unlocked) return null;
  return (
    <div className="tr-sound">
      <SoundButton label={t('display.sound.enable')} onUnlock={props.onUnlock} />
      <p className="tr-sound__hint">{t('display.sound.hint')}</p>
    </div>
  );
}

function SoundButton(props: { label: string; onUnlock: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    const element = button.current;
    return () => {
      if (element && element === document.activeElement)
        document.getElementById('main')?.focus({ preventScroll: true });
    };
  }, []);
  return (
    <button ref={button} type="button" className="kern-btn kern-btn--primary tr-sound__button" onClick={props.onUnlock}>
      <span className="kern-label">{props.label}</span>
    </button>
  );
}
