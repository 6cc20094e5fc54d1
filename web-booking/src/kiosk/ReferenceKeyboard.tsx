import { useTranslation } from 'react-i18next';
import { referenceAlphabet } from './kiosk-format';

/**
 * Big keys for the characters a booking reference can have (no 0/O, 1/I/L, U/V), so nobody needs a physical
 * keyboard; plus a delete key. Each key is a real button: the keyboard is also usable with Tab and Enter.
 */
export function ReferenceKeyboard(props: { controls: string; onKey: (key: string) => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="kiosk-keyboard">
      <legend className="kern-sr-only">{t('kiosk.checkIn.keyboard')}</legend>
      {[...referenceAlphabet].map((key) => (
        <button
          key={key}
          type="button"
          className="kiosk-key"
          aria-controls={props.controls}
          onClick={() => props.onKey(key)}
        >
          {key}
        </button>
      ))}
      <button
        type="button"
        className="kiosk-key kiosk-key--delete"
        aria-controls={props.controls}
        onClick={props.onDelete}
      >
        <span aria-hidden="true">⌫ </span>
        {t('kiosk.checkIn.delete')}
      </button>
    </fieldset>
  );
}
