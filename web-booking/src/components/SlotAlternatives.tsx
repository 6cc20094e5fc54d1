import { useText } from '@bc/schema';
import { Link } from 'react-router';
import { formatLongDate, formatTime } from '../lib/datetime';

/** The nearest free times the api offered after a time was taken, as buttons; and the way back to all times. */
export function SlotAlternatives(props: {
  alternatives: readonly string[];
  timeZone: string;
  onChoose: (start: string) => void;
  /** A link to the full time choice, or a button when `onOther` is given instead. */
  otherTimeLink?: string;
  onOther?: () => void;
}) {
  const { t, i18n } = useText();
  const lang = i18n.language;
  return (
    <div className="bc-stack">
      {props.alternatives.length > 0 ? (
        <>
          <p className="kern-body">{t('alternatives.intro')}</p>
          <ul className="bc-alternatives">
            {props.alternatives.map((a) => (
              <li key={a}>
                <button type="button" className="kern-btn kern-btn--secondary" onClick={() => props.onChoose(a)}>
                  <span className="kern-label">
                    {t('alternatives.choose', {
                      date: formatLongDate(a, props.timeZone, lang),
                      time: formatTime(a, props.timeZone, lang),
                    })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="kern-body">{t('alternatives.none')}</p>
      )}
      {props.otherTimeLink && (
        <p>
          <Link to={props.otherTimeLink} className="kern-link">
            {t('alternatives.other')}
          </Link>
        </p>
      )}
      {props.onOther && (
        <p>
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={props.onOther}>
            <span className="kern-label">{t('alternatives.other')}</span>
          </button>
        </p>
      )}
    </div>
  );
}
