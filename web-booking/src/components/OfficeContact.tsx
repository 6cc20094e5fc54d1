import { useText } from '@bc/schema';

/** What the booking site knows about reaching an office (the public Office's `contact` and `mapUrl`). */
export type OfficeContactData = {
  mapUrl?: string;
  contact: { phone?: string | null; phoneUri?: string | null; email?: string | null };
};

/**
 * The ways to reach an office: a map of its address (OpenStreetMap, said to be an external site), the phone as a
 * `tel:` link and the email as a `mailto:` link. Parts the office has not given are left out; nothing is shown
 * when there is nothing to show.
 */
export function OfficeContact(props: { office: OfficeContactData; className?: string }) {
  const { t } = useText();
  const { mapUrl, contact } = props.office;
  if (!mapUrl && !contact.phone && !contact.email) return null;
  return (
    <ul className={`bc-plain-list bc-contact ${props.className ?? ''}`}>
      {mapUrl && (
        <li>
          <a href={mapUrl} className="kern-link" rel="external noopener noreferrer">
            {t('officeContact.map')}
            <span className="kern-body--small"> {t('officeContact.mapExternal')}</span>
          </a>
        </li>
      )}
      {contact.phone && contact.phoneUri && (
        <li>
          {t('officeContact.phone')}{' '}
          <a href={contact.phoneUri} className="kern-link bc-nowrap">
            {contact.phone}
          </a>
        </li>
      )}
      {contact.email && (
        <li>
          {t('officeContact.email')}{' '}
          <a href={`mailto:${contact.email}`} className="kern-link bc-contact__email">
            {contact.email}
          </a>
        </li>
      )}
    </ul>
  );
}

/** "Fragen? Rufen Sie uns an: …" under an appointment; nothing when the office gives neither phone nor email. */
export function OfficeQuestions(props: { office: OfficeContactData }) {
  const { t } = useText();
  const { contact } = props.office;
  if (!contact.phone && !contact.email) return null;
  return (
    <section className="bc-stack-sm bc-questions" aria-labelledby="questions-title">
      <h2 id="questions-title" className="kern-heading-small">
        {t('officeContact.questionsTitle')}
      </h2>
      {contact.phone && contact.phoneUri && (
        <p className="kern-body">
          {t('officeContact.callUs')}{' '}
          <a href={contact.phoneUri} className="kern-link bc-nowrap">
            {contact.phone}
          </a>
        </p>
      )}
      {contact.email && (
        <p className="kern-body">
          {t('officeContact.writeUs')}{' '}
          <a href={`mailto:${contact.email}`} className="kern-link bc-contact__email">
            {contact.email}
          </a>
        </p>
      )}
    </section>
  );
}
