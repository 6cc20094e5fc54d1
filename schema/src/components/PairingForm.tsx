import { useMutation } from '@apollo/client/react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetDeviceToken, storeDeviceToken } from '../device.js';
import type { Language } from '../i18n.js';
import { PairDeviceMutation } from '../pair-device.js';

type Problem = { key: string; minutes?: number };

/**
 * "Kopplungscode eingeben" on the set-up screen of a kiosk or call display: exchanges the one-time code from the
 * administration for the device token, keeps it where a `#device=` link would have left it (localStorage) and
 * reloads the page, so that every request and the socket start again with it. Staff of either language may stand in
 * front of the screen, so each text is given in every language of `languages` (German first).
 */
export function PairingForm(props: {
  languages?: readonly Language[];
  className?: string;
  /** After the token is stored; reloads the page unless given. */
  onPaired?: () => void;
}) {
  const { t } = useTranslation();
  const languages = props.languages ?? (['de', 'en'] as const);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [paired, setPaired] = useState(false);
  const [pair, { loading }] = useMutation(PairDeviceMutation);

  const text = (key: string, options: Record<string, unknown> = {}) =>
    languages.map((lng, i) => (
      <span key={lng} lang={lng}>
        {i > 0 && ' / '}
        {t(`common.pairing.${key}`, { lng, ...options })}
      </span>
    ));

  const fail = (p: Problem) => {
    setProblem(p);
    input.current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (loading || paired) return;
    if (code.trim() === '') return fail({ key: 'missing' });
    // A stored token that the api refuses would get this request refused too: the code replaces it anyway.
    forgetDeviceToken();
    try {
      const res = (await pair({ variables: { code } })).data?.pairDevice;
      if (res?.__typename === 'DevicePaired') {
        storeDeviceToken(res.token);
        setProblem(null);
        setPaired(true);
        if (props.onPaired) props.onPaired();
        else window.location.reload();
      } else if (res?.__typename === 'PairingCodeRejected') fail({ key: res.reason });
      else if (res?.__typename === 'LimitReached')
        fail({ key: 'RATE', minutes: Math.max(1, Math.ceil((res.retryAfterSeconds ?? 60) / 60)) });
      else fail({ key: 'failed' });
    } catch {
      fail({ key: 'failed' });
    }
  };

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <section className={`bc-pairing ${props.className ?? ''}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="bc-pairing__title">
        {text('title')}
      </h2>
      <p className="bc-pairing__intro">{text('intro')}</p>
      <form noValidate onSubmit={(e) => void submit(e)} className="bc-pairing__form">
        <div className={`kern-form-input${problem ? ' kern-form-input--error' : ''}`}>
          <label className="kern-label" htmlFor={`${id}-code`}>
            {text('label')}
          </label>
          <p className="kern-hint" id={hintId}>
            {text('hint')}
          </p>
          <input
            ref={input}
            id={`${id}-code`}
            name="pairing-code"
            type="text"
            inputMode="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            translate="no"
            className={`kern-form-input__input bc-pairing__input${problem ? ' kern-form-input__input--error' : ''}`}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          {problem && (
            <p className="kern-error" id={errorId}>
              <span className="kern-icon kern-icon--danger" aria-hidden="true" />
              <span className="kern-body">{text(problem.key, { minutes: problem.minutes })}</span>
            </p>
          )}
        </div>
        <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={loading || paired || undefined}>
          <span className="kern-label">{loading ? text('busy') : text('submit')}</span>
        </button>
      </form>
      <p role="status" className="bc-pairing__status">
        {paired && text('paired')}
      </p>
    </section>
  );
}
