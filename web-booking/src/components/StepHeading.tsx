import { PageHeading, usePageTitle, useText } from '@bc/schema';

export const stepCount = 4;

/** The h1 of a booking step: "Schritt 2 von 4: Tag und Uhrzeit", also in the window title. Takes the focus on arrival. */
export function StepHeading(props: { step: number; title: string }) {
  const { t } = useText();
  const count = t('steps.count', { current: props.step, total: stepCount });
  usePageTitle(`${props.title} (${count})`);
  return (
    <PageHeading>
      <span className="bc-step-count">
        {count}
        <span className="kern-sr-only">:</span>
      </span>{' '}
      <span className="bc-step-title">{props.title}</span>
    </PageHeading>
  );
}
