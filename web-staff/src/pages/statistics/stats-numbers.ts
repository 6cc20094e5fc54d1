import { localeOf } from '@bc/schema';
import { useTranslation } from 'react-i18next';

/** Number formats of the statistics in the page's language; "–" where there is no value. */
export function useStatsNumbers() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const format = (options: Intl.NumberFormatOptions) => (n: number | null | undefined) =>
    n == null ? '–' : new Intl.NumberFormat(locale, options).format(n);
  return {
    locale,
    number: (n: number | null | undefined, digits = 1) => format({ maximumFractionDigits: digits })(n),
    /** With its sign: +2,5 or −1. */
    signed: format({ maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
    percent: format({ style: 'percent', maximumFractionDigits: 1 }),
  };
}
