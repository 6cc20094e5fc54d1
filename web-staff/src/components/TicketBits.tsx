import { useTranslation } from 'react-i18next';
import type { TicketPriority, TicketStatus } from '../gql/graphql';

/** The catalog's names (services, documents) are German only for now; screen readers read them as German. */
export const catalogLang = 'de';

const statusTone: Record<TicketStatus, string> = {
  WAITING: 'info',
  CALLED: 'warning',
  SERVING: 'success',
  DONE: 'success',
  PARKED: 'info',
  NO_SHOW: 'danger',
  CANCELLED: 'danger',
};

export function StatusBadge(props: { status: TicketStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`kern-badge kern-badge--small kern-badge--${statusTone[props.status]}`}>
      <span className="kern-label kern-label--small">{t(`status.${props.status}`)}</span>
    </span>
  );
}

/** "Vorrang: Biometrie bereits erfasst" or the staff member's note. */
export function PriorityBadge(props: { priority: TicketPriority; note?: string | null }) {
  const { t } = useTranslation();
  const text =
    props.priority === 'BIOMETRICS'
      ? t('priority.BIOMETRICS')
      : props.note
        ? t('priority.staffWithNote', { note: props.note })
        : t('priority.STAFF');
  return (
    <span className="kern-badge kern-badge--small kern-badge--warning">
      <span className="kern-icon kern-icon--warning" aria-hidden="true" />
      <span className="kern-label kern-label--small">{text}</span>
    </span>
  );
}

/** The services of a ticket: "Reisepass beantragen", "2 × Personalausweis beantragen". */
export function ServiceLines(props: {
  services: readonly { serviceId: string; name: string; count: number }[];
  compact?: boolean;
}) {
  const asked = props.services.filter((s) => s.count > 0);
  if (props.compact)
    return (
      <span lang={catalogLang}>{asked.map((s) => (s.count > 1 ? `${s.count} × ${s.name}` : s.name)).join(', ')}</span>
    );
  return (
    <ul className="bc-plain-list">
      {asked.map((s) => (
        <li key={s.serviceId} lang={catalogLang}>
          {s.count > 1 ? `${s.count} × ${s.name}` : s.name}
        </li>
      ))}
    </ul>
  );
}

/** The name of a button in a ticket's row: short to see ("Stornieren"), complete to hear ("Stornieren: W012"). */
export function rowLabel(text: string, number: string): string {
  return `${text}: ${number}`;
}
