import { useText } from '@bc/schema';

/** "Fragen? Rufen Sie uns an: …, nennen Sie dabei Ihre Nummer": only when the office gives a phone. */
export function OfficePhone(props: { phone?: string | null; phoneUri?: string | null; number: string }) {
  const { t } = useText();
  if (!props.phone || !props.phoneUri) return null;
  return (
    <section className="tr-gap" aria-labelledby="office-phone">
      <h2 id="office-phone" className="kern-title">
        {t('tracking.phone.title')}
      </h2>
      <p className="kern-body">
        {t('tracking.phone.callUs')}{' '}
        <a href={props.phoneUri} className="kern-link">
          {props.phone}
        </a>
        . {t('tracking.phone.giveNumber', { number: props.number })}
      </p>
    </section>
  );
}
