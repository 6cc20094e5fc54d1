import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { addDays, formatTime, localeOf, todayIn } from '../lib/datetime';
import { useDayLabel } from './use-day-label';

const KioskNextAppointmentsQuery = graphql(`
  query KioskNextAppointments($officeId: ID!, $services: [ServiceChoiceInput!]!, $from: String!, $to: String!) {
    availability(officeId: $officeId, services: $services, from: $from, to: $to) {
      __typename
      ... on Availability {
        days {
          date
          starts
        }
      }
    }
  }
`);

/** Days looked at for the next free appointments of a service that takes no more walk-ins today. */
const LOOKAHEAD_DAYS = 13;

/** "Nächste freie Termine: heute 15:30 Uhr, morgen 07:30 Uhr …": given, or looked up for one service. */
export function NextAppointments(props: {
  timeZone: string;
  starts?: readonly string[];
  lookup?: { officeId: string; serviceId: string };
}) {
  const { t, i18n } = useTranslation();
  const day = useDayLabel(props.timeZone);
  const today = todayIn(props.timeZone);
  const { data } = useQuery(KioskNextAppointmentsQuery, {
    skip: !props.lookup,
    variables: {
      officeId: props.lookup?.officeId ?? '',
      services: [{ serviceId: props.lookup?.serviceId ?? '', count: 1 }],
      from: today,
      to: addDays(today, LOOKAHEAD_DAYS),
    },
  });
  const found = data?.availability.__typename === 'Availability' ? data.availability.days : [];
  const starts = props.starts ?? found.flatMap((d) => d.starts);
  if (starts.length === 0) return null;
  // "heute um 15:05, 15:10 und 15:15 Uhr; morgen um 07:30 Uhr": one phrase per day.
  const list = new Intl.ListFormat(localeOf(i18n.language), { type: 'conjunction' });
  const days: { day: string; times: string[] }[] = [];
  for (const start of starts.slice(0, 3)) {
    const label = day(start);
    const time = formatTime(start, props.timeZone, i18n.language);
    const last = days.at(-1);
    if (last?.day === label) last.times.push(time);
    else days.push({ day: label, times: [time] });
  }
  const phrases = days.map((d) => t('kiosk.nextAppointments.time', { day: d.day, time: list.format(d.times) }));
  return (
    <p className="kiosk-next">
      {t('kiosk.nextAppointments.label')} {phrases.join('; ')}. {t('kiosk.nextAppointments.where')}
    </p>
  );
}
