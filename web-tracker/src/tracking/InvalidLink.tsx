import { usePageTitle, useText } from '@bc/schema';

/** An unknown, mistyped or expired tracking link: said calmly, with what to do instead. */
export function InvalidLink() {
  const { t } = useText();
  usePageTitle(t('tracking.invalid.pageTitle'));
  return (
    <>
      <h1 className="kern-heading-large">{t('tracking.invalid.title')}</h1>
      <p className="kern-body kern-body--large">{t('tracking.invalid.lead')}</p>
      <p className="kern-body">{t('tracking.invalid.help')}</p>
    </>
  );
}
