import { useApolloClient, useMutation } from '@apollo/client/react';
import { useReadingPreferences, useText } from '@bc/schema';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../components/SelectField';
import { graphql } from '../gql';
import { currentSubscription, PushRefused, pushSupport, subscribeBrowser } from '../live/web-push';
import { loadPushChoice, savePushChoice } from './visitor-storage';

const PushPublicKeyQuery = graphql(`
  query PushPublicKey {
    pushPublicKey
  }
`);

const SubscribeToPushMutation = graphql(`
  mutation SubscribeToPush($token: String!, $subscription: PushSubscriptionInput!) {
    subscribeToPush(token: $token, subscription: $subscription) {
      __typename
      ... on PushSubscribed {
        aheadThreshold
      }
      ... on ExpectedError {
        message
      }
    }
  }
`);

const UnsubscribeFromPushMutation = graphql(`
  mutation UnsubscribeFromPush($token: String!, $endpoint: String!) {
    unsubscribeFromPush(token: $token, endpoint: $endpoint) {
      __typename
    }
  }
`);

const aheadChoices = [1, 2, 3, 5, 10];

type Problem = 'refused' | 'failed' | 'ended';

/**
 * "Notify me even when the phone is locked": Web Push through the tracker's service worker, when N people are ahead
 * (the visitor's choice), when called or recalled, and when the office cancels the ticket. Explained instead where the
 * browser cannot (no push support, not a secure page) or the visitor blocked notifications.
 */
export function PushControl(props: { token: string }) {
  const { t } = useText();
  const { i18n } = useTranslation();
  const { easyLanguage } = useReadingPreferences();
  const client = useApolloClient();
  const [support, setSupport] = useState(pushSupport);
  const [ahead, setAhead] = useState(() => loadPushChoice(props.token)?.ahead ?? 3);
  const [active, setActive] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [subscribe] = useMutation(SubscribeToPushMutation);
  const [unsubscribe] = useMutation(UnsubscribeFromPushMutation);

  // On since an earlier visit: this phone still has the browser subscription and the choice made with it.
  useEffect(() => {
    if (!loadPushChoice(props.token)) return;
    void currentSubscription()
      .then((s) => setActive(s !== null))
      .catch(() => setActive(false));
  }, [props.token]);

  const language = i18n.language === 'en' ? 'en' : easyLanguage ? 'de-ls' : 'de';

  const turnOn = async (threshold: number) => {
    setBusy(true);
    setProblem(null);
    try {
      const { data } = await client.query({ query: PushPublicKeyQuery, fetchPolicy: 'cache-first' });
      if (!data?.pushPublicKey) throw new Error('no key');
      const browser = await subscribeBrowser(data.pushPublicKey);
      const res = await subscribe({
        variables: { token: props.token, subscription: { ...browser, aheadThreshold: threshold, language } },
      });
      const result = res.data?.subscribeToPush;
      if (result?.__typename === 'PushSubscribed') {
        savePushChoice(props.token, { ahead: threshold });
        setActive(true);
      } else setProblem(result?.__typename === 'TicketEnded' ? 'ended' : 'failed');
    } catch (err) {
      if (err instanceof PushRefused) {
        setSupport(pushSupport());
        setProblem('refused');
      } else setProblem('failed');
    } finally {
      setBusy(false);
    }
  };

  const turnOff = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const subscription = await currentSubscription();
      if (subscription)
        await unsubscribe({ variables: { token: props.token, endpoint: subscription.endpoint } }).catch(
          () => undefined,
        );
      // The browser subscription stays: another ticket followed on this phone may still use it.
      savePushChoice(props.token, null);
      setActive(false);
    } finally {
      setBusy(false);
    }
  };

  const choose = (value: number) => {
    setAhead(value);
    if (active) void turnOn(value);
  };

  return (
    <section className="tr-panel tr-gap" aria-labelledby="push-title" data-testid="push-control">
      <h2 id="push-title" className="kern-heading-small">
        {t('tracking.push.title')}
      </h2>
      {support !== 'available' ? (
        <p className="kern-body" data-testid="push-unavailable">
          {t(`tracking.push.${support}`)}
        </p>
      ) : (
        <>
          <p className="kern-body">{t('tracking.push.lead')}</p>
          <SelectField
            label={t('tracking.push.aheadLabel')}
            hint={t('tracking.push.aheadHint')}
            value={String(ahead)}
            disabled={busy}
            onChange={(value) => choose(Number(value))}
          >
            {aheadChoices.map((n) => (
              <option key={n} value={n}>
                {t('tracking.push.aheadChoice', { count: n })}
              </option>
            ))}
          </SelectField>
          <div className="tr-actions tr-gap">
            {active ? (
              <button
                type="button"
                className="kern-btn kern-btn--secondary"
                disabled={busy}
                onClick={() => void turnOff()}
              >
                <span className="kern-label">{t('tracking.push.off')}</span>
              </button>
            ) : (
              <button
                type="button"
                className="kern-btn kern-btn--primary"
                disabled={busy}
                onClick={() => void turnOn(ahead)}
              >
                <span className="kern-label">{t('tracking.push.on')}</span>
              </button>
            )}
          </div>
          <p className="kern-body" role="status" data-testid="push-state">
            {active ? t('tracking.push.active', { count: ahead }) : ''}
          </p>
        </>
      )}
      {problem && (
        <p className="kern-body tr-problem" role="alert" data-testid="push-problem">
          {t(`tracking.push.problem.${problem}`)}
        </p>
      )}
    </section>
  );
}
